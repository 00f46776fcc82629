package io.socketee.it.protocol.support;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.socketee.it.support.NodeProcess;

/**
 * Runs {@code src-it/node/reference-server.js} (socket.io 4.8.1) for one test class: register it
 * as a {@code static} {@code @RegisterExtension} field; it starts before all tests and stops after
 * (through {@link NodeProcess}, so it also dies with the JVM). A test after which the server is
 * no longer running fails, as does the class: a dead server would pass every rule that expects
 * the server to close a connection.
 *
 * <p>JUnit calls the callbacks from one thread; {@link #baseUrl()} may be read from any thread
 * once started.
 */
public final class ReferenceServer implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final String optionsJson;
    private volatile NodeProcess node;

    private ReferenceServer(String optionsJson) {
        this.optionsJson = optionsJson;
    }

    /** The contract server as is (allowEIO3, pingInterval 1500, pingTimeout 3000, connectTimeout 3000). */
    public static ReferenceServer contract() {
        return new ReferenceServer("{}");
    }

    /** The contract server with extra socket.io options, e.g. {@code {"allowEIO3":false}}. */
    public static ReferenceServer withOptions(String optionsJson) {
        return new ReferenceServer(optionsJson);
    }

    /** {@code http://127.0.0.1:<port>/socket.io/}. */
    public URI baseUrl() {
        NodeProcess running = node;
        if (running == null) {
            throw new IllegalStateException("reference server not started");
        }
        return running.baseUrl().resolve("socket.io/");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        node = NodeProcess.startServer(START_TIMEOUT, "reference-server.js", "0", optionsJson);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        NodeProcess running = node;
        if (running != null) {
            running.assertRunning();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        NodeProcess running = node;
        node = null;
        if (running != null) {
            try {
                running.assertRunning();
            } finally {
                running.close();
            }
        }
    }
}
