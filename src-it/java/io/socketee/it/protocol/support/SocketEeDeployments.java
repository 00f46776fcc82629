package io.socketee.it.protocol.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import io.socketee.it.support.ItDeployment;
import io.socketee.it.support.ItServer;

/**
 * The SocketEE deployments of the protocol suites: the shared test application, and a variant
 * with {@code socketio.allowEIO3=false} under its own archive name (so its own context root).
 *
 * <p>Stateless; every method builds a new archive. Thread-safe.
 */
public final class SocketEeDeployments {

    /** Archive name (and context root) of the allowEIO3=false variant. */
    public static final String NO_EIO3_WAR_NAME = "socketee-it-noeio3.war";

    private static final String CONFIG = "WEB-INF/classes/META-INF/microprofile-config.properties";
    private static final String ALLOW_EIO3 = "socketio.allowEIO3";

    private SocketEeDeployments() {
    }

    /** The Socket.IO endpoint of a deployment: {@code http://127.0.0.1:<port>/<ctx>/socket.io/}. */
    public static URI socketIoBase(URL deploymentUrl) {
        return ItServer.resolve(deploymentUrl, "socket.io/");
    }

    /** The shared test application, unchanged. */
    public static WebArchive testApp() {
        return ItDeployment.testApp();
    }

    /** The test application with {@code socketio.allowEIO3=false}, as {@value #NO_EIO3_WAR_NAME}. */
    public static WebArchive withoutEio3() {
        return withSetting(NO_EIO3_WAR_NAME, ALLOW_EIO3, "false");
    }

    /**
     * The test application with one configuration key set to {@code value} (replacing the
     * application's own line for it), as {@code warName} (so its own context root).
     */
    public static WebArchive withSetting(String warName, String key, String value) {
        return withSettings(warName, java.util.Map.of(key, value));
    }

    /**
     * The test application with configuration keys set (replacing the application's own lines
     * for them), as {@code warName} (so its own context root).
     */
    public static WebArchive withSettings(String warName, java.util.Map<String, String> settings) {
        WebArchive app = ItDeployment.testApp();
        Node config = app.get(CONFIG);
        if (config == null || config.getAsset() == null) {
            throw new IllegalStateException(ItDeployment.WAR_NAME + " has no " + CONFIG);
        }
        StringBuilder added = new StringBuilder("\n");
        settings.forEach((key, value) -> added.append(key).append('=').append(value).append('\n'));
        String properties = read(config).lines()
                .filter(line -> settings.keySet().stream().noneMatch(key -> line.trim().startsWith(key + "=")))
                .collect(Collectors.joining("\n", "", added.toString()));
        WebArchive war = ShrinkWrap.create(WebArchive.class, warName).merge(app);
        war.delete(CONFIG);
        war.add(new StringAsset(properties), CONFIG);
        return war;
    }

    private static String read(Node node) {
        try (InputStream in = node.getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
