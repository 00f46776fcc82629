package io.socketee.it.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

import org.jboss.arquillian.container.spi.event.container.AfterUnDeploy;
import org.jboss.arquillian.container.spi.event.container.BeforeDeploy;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Arquillian extension for the Payara Micro container: waits until nothing listens on the test
 * port before a deployment and after an undeployment.
 *
 * <p>The Payara Micro adapter starts one Payara Micro per deployment and stops it with a bare
 * {@code Process.destroy()}, without waiting. With a fixed port, the next test class's instance
 * would otherwise start while the previous one still holds the port, and hang without an HTTP
 * listener. A no-op for the other containers (their server keeps the port between deployments).
 * Registered through {@code META-INF/services}. Stateless and thread-safe.
 */
public final class PayaraPortGuard implements LoadableExtension {

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

        /** Before Payara Micro starts: the previous instance must have let go of the port. */
        public void beforeDeploy(@Observes BeforeDeploy event) {
            awaitFreePort();
        }

        /** After Payara Micro was told to stop: wait for it to be gone. */
        public void afterUndeploy(@Observes AfterUnDeploy event) {
            awaitFreePort();
        }
    }

    static void awaitFreePort() {
        if (!PAYARA_CONTAINER.equals(System.getProperty("arquillian.launch"))) {
            return;
        }
        int port = Integer.parseInt(System.getProperty(PORT_PROPERTY, "").trim());
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (listening(port)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Port " + port + " is still in use after " + WAIT.toSeconds()
                        + " s: a Payara Micro (or another program) did not stop; set -D" + PORT_PROPERTY
                        + " to a free port or stop it");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for port " + port, e);
            }
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
}
