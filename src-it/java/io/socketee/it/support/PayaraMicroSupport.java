package io.socketee.it.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.arquillian.container.spi.context.annotation.DeploymentScoped;
import org.jboss.arquillian.container.spi.event.container.AfterDeploy;
import org.jboss.arquillian.container.spi.event.container.AfterUnDeploy;
import org.jboss.arquillian.container.spi.event.container.BeforeDeploy;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Arquillian extension for the Payara Micro container, which starts a new Payara Micro for every
 * deployment (every test class) and stops it with a bare {@code Process.destroy()}. A no-op for
 * the other containers, whose server runs across deployments.
 * <ul>
 *   <li>Before a deployment and after an undeployment it waits until nothing listens on the test
 *       port: with a fixed port, the next instance would otherwise start while the previous one
 *       still holds it, and hang without an HTTP listener.</li>
 *   <li>After a deployment it checks that the application is among the deployed ones: when an
 *       application fails to deploy, Payara Micro logs it, starts without it, and the adapter
 *       reports success. The failure becomes a {@link DeploymentException}, as on the other
 *       servers (so {@code @ShouldThrowException} works).</li>
 *   <li>Then it sends the application one request. Payara Micro initialises its
 *       telemetry for an application on the first request (OpenTracingService.createTracer), and
 *       every request arriving meanwhile waits for it; a test class opening dozens of clients at
 *       once against the fresh instance then saw some of them miss the test application's
 *       3-second connect and ping timeouts. On the other servers earlier test classes have
 *       already warmed the server up.</li>
 * </ul>
 * Registered through {@code META-INF/services}. Stateless and thread-safe.
 */
public final class PayaraMicroSupport implements LoadableExtension {

    /** The {@code arquillian.launch} value of the Payara Micro container. */
    static final String PAYARA_CONTAINER = "payara-micro";
    /** System property (set by failsafe) with Payara Micro's HTTP port. */
    static final String PORT_PROPERTY = "socketee.it.payara.port";

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Observer.class);
    }

    /** The observer Arquillian instantiates; public with a no-argument constructor for it. */
    public static final class Observer {

        @Inject
        @DeploymentScoped
        private Instance<ProtocolMetaData> deployed;

        /** Before Payara Micro starts: the previous instance must have let go of the port. */
        public void beforeDeploy(@Observes BeforeDeploy event) {
            if (isPayara()) {
                awaitFreePort(port());
            }
        }

        /** After Payara Micro started with the deployment: is it there; then one request to it. */
        public void afterDeploy(@Observes AfterDeploy event) throws DeploymentException {
            if (isPayara()) {
                String name = event.getDeployment().getArchive().getName();
                String contextRoot = name.endsWith(".war") ? name.substring(0, name.length() - 4) : name;
                if (!isDeployed(deployed.get(), contextRoot)) {
                    throw new DeploymentException("Payara Micro did not deploy " + name
                            + " (its log above says why; the Payara Micro adapter reports no failure itself)");
                }
                warmUp(port(), contextRoot);
            }
        }

        /** After Payara Micro was told to stop: wait for it to be gone. */
        public void afterUndeploy(@Observes AfterUnDeploy event) {
            if (isPayara()) {
                awaitFreePort(port());
            }
        }
    }

    private static boolean isPayara() {
        return PAYARA_CONTAINER.equals(System.getProperty("arquillian.launch"));
    }

    private static int port() {
        return Integer.parseInt(System.getProperty(PORT_PROPERTY, "").trim());
    }

    /** Whether the adapter found a servlet of the application (it lists those Payara Micro deployed). */
    static boolean isDeployed(ProtocolMetaData metaData, String contextRoot) {
        if (metaData == null) {
            return false;
        }
        for (HTTPContext context : metaData.getContexts(HTTPContext.class)) {
            for (Servlet servlet : context.getServlets()) {
                String root = servlet.getContextRoot() == null ? "" : servlet.getContextRoot();
                if (root.replaceAll("^/+|/+$", "").equals(contextRoot)) {
                    return true;
                }
            }
        }
        return false;
    }

    static void awaitFreePort(int port) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (listening(port)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Port " + port + " is still in use after " + WAIT.toSeconds()
                        + " s: a Payara Micro (or another program) did not stop; set -D" + PORT_PROPERTY
                        + " to a free port or stop it");
            }
            pause();
        }
    }

    /** One GET to the context root; any answer will do (the application may not serve "/"). */
    static void warmUp(int port, String contextRoot) {
        URI uri = URI.create("http://127.0.0.1:" + port + "/" + contextRoot + "/");
        try {
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new IllegalStateException("Payara Micro does not answer " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while warming up " + uri, e);
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a Payara Micro to stop", e);
        }
    }
}
