package io.socketee.it.support;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;

/**
 * Turns the deployment URL that Arquillian reports into loopback URLs the tests can use.
 *
 * <p>Servers report different hosts (Payara Micro reports an interface address, not loopback), so
 * every URL is rebuilt as {@code http://127.0.0.1:<port><contextPath>/}. Stateless and thread-safe.
 */
public final class ItServer {

    private static final String LOOPBACK = "127.0.0.1";

    private ItServer() {
    }

    /** {@code http://127.0.0.1:<port><contextPath>/}, always with a trailing slash. */
    public static URI base(URL reported) {
        return rebuild("http", reported);
    }

    /**
     * {@code http://127.0.0.1:<port>/<contextRoot>/} on the HTTP port of the server under test
     * (from {@code arquillian.launch} and the profile's port property), for a test whose
     * deployment is not deployed yet, so that Arquillian cannot report its URL.
     */
    public static URI base(String contextRoot) {
        String launch = System.getProperty("arquillian.launch", "");
        int port = launch.startsWith("payara") ? Integer.getInteger("socketee.it.payara.port", 9082)
                : launch.startsWith("wildfly") ? Integer.getInteger("socketee.it.wildfly.port", 9083)
                : Integer.getInteger("socketee.it.port", 9081);
        return URI.create("http://" + LOOPBACK + ":" + port + "/" + contextRoot + "/");
    }

    /** {@code ws://127.0.0.1:<port><contextPath>/}, always with a trailing slash. */
    public static URI webSocketBase(URL reported) {
        return rebuild("ws", reported);
    }

    /** The base URL resolved against a relative path, e.g. {@code resolve(url, "socket.io/")}. */
    public static URI resolve(URL reported, String relative) {
        return base(reported).resolve(relative);
    }

    private static URI rebuild(String scheme, URL reported) {
        int port = reported.getPort() == -1 ? reported.getDefaultPort() : reported.getPort();
        String path = reported.getPath() == null || reported.getPath().isEmpty() ? "/" : reported.getPath();
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        try {
            return new URI(scheme, null, LOOPBACK, port, path, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Cannot rebuild deployment URL " + reported, e);
        }
    }

    /**
     * The server's MicroProfile Health readiness endpoint: Open Liberty and Payara Micro serve
     * {@code /health/ready} on the HTTP port, WildFly on its management port.
     */
    public static URI readiness(URL reported) {
        return health(reported, "ready");
    }

    /** The server's MicroProfile Health endpoint of one kind ("ready", "live"), where {@link #readiness} is. */
    public static URI health(URL reported, String kind) {
        if (System.getProperty("arquillian.launch", "").startsWith("wildfly")) {
            return URI.create("http://127.0.0.1:" + Integer.getInteger("socketee.it.wildfly.managementPort", 9990)
                    + "/health/" + kind);
        }
        return URI.create("http://" + reported.getHost() + ":" + reported.getPort() + "/health/" + kind);
    }

    /**
     * The server's metrics endpoint, application scope, in Prometheus text: Open Liberty and Payara
     * Micro serve MicroProfile Metrics at {@code /metrics?scope=application} on the HTTP port;
     * WildFly's micrometer subsystem serves its Prometheus registry at {@code /prometheus} on the
     * management port (the wildfly-config step of pom.xml adds it).
     */
    public static URI metrics(URL reported) {
        if (System.getProperty("arquillian.launch", "").startsWith("wildfly")) {
            return URI.create("http://127.0.0.1:" + Integer.getInteger("socketee.it.wildfly.managementPort", 9990)
                    + "/prometheus");
        }
        return URI.create("http://" + reported.getHost() + ":" + reported.getPort() + "/metrics?scope=application");
    }
}
