package io.socketee.it.clients;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.socketee.it.support.ScenarioRun;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.function.Executable;

/**
 * The client scenarios against one server, as JUnit dynamic tests named client x transport x
 * scenario: the Node clients (socket.io-client 4.8.1 and 2.5.0, through client-scenarios.js)
 * and the Java client ({@link JavaClientScenarios}), each over polling, WebSocket and upgrade.
 *
 * <p>Every run starts when the tests are built, so they run in parallel; each test waits for its
 * run's result. Immutable; the streams it returns are to be consumed once, by JUnit.
 */
public final class ClientScenarios {
    private static final Duration NODE_RUN_TIMEOUT = Duration.ofSeconds(90);
    private static final String SCRIPT = "client-scenarios.js";

    private final URI base;
    private final Target target;

    /** The official Node.js clients client-scenarios.js can drive. */
    public enum NodeClient {
        /** socket.io-client 4.8.1: Engine.IO 4, Socket.IO 5. */
        V4("v4", "socket.io-client 4.8.1"),
        /** socket.io-client 2.5.0: Engine.IO 3, Socket.IO 4. */
        V2("v2", "socket.io-client 2.5.0");

        private final String id;
        private final String title;

        NodeClient(String id, String title) {
            this.id = id;
            this.title = title;
        }

        /** The name client-scenarios.js takes as --client. */
        public String id() {
            return id;
        }

        /** The client's package and version. */
        public String title() {
            return title;
        }
    }

    /** Scenarios against the server whose Socket.IO app is at {@code base} (its path ends in "/"). */
    public ClientScenarios(URI base, Target target) {
        this.base = withTrailingSlash(base);
        this.target = target;
    }

    /** Every client over every transport mode. */
    public Stream<DynamicNode> all() {
        return Stream.concat(nodeClients(), new JavaClientScenarios(base).tests());
    }

    /** The Node clients over every transport mode, all started now. */
    public Stream<DynamicNode> nodeClients() {
        return nodeClients(TransportMode.values());
    }

    /** The Node clients over the given transport modes, all started now. */
    public Stream<DynamicNode> nodeClients(TransportMode... modes) {
        List<String> expected = Arrays.stream(Scenario.values()).map(Scenario::id).toList();
        List<DynamicNode> containers = new ArrayList<>();
        for (NodeClient client : NodeClient.values()) {
            for (TransportMode mode : modes) {
                CompletableFuture<ScenarioRun> run = CompletableFuture.supplyAsync(() -> ScenarioRun.run(NODE_RUN_TIMEOUT, expected,
                        SCRIPT, "--client", client.id(), "--transport", mode.id(), "--url", base.toString(), "--server", target.id()),
                        daemon());
                String title = client.title() + " (node) over " + mode.id();
                containers.add(dynamicContainer(title, nodeTests(run, client.id() + " " + mode.id())));
            }
        }
        return containers.stream();
    }

    private static Stream<DynamicNode> nodeTests(CompletableFuture<ScenarioRun> run, String context) {
        Stream<DynamicNode> scenarios = Arrays.stream(Scenario.values()).map(scenario -> dynamicTest(scenario.id(),
                () -> inContext(context + " " + scenario.id(), () -> await(run).assertScenario(scenario.id()))));
        String cleanExit = "reports every scenario once and exits cleanly";
        return Stream.concat(scenarios, Stream.of(dynamicTest(cleanExit, () -> inContext(context, () -> await(run).assertComplete()))));
    }

    /** Runs {@code body}, prefixing any assertion failure with {@code [context]} for flat reports. */
    static void inContext(String context, Executable body) throws Throwable {
        try {
            body.execute();
        } catch (AssertionError e) {
            AssertionError wrapped = new AssertionError("[" + context + "] " + e.getMessage(), e.getCause());
            wrapped.setStackTrace(e.getStackTrace());
            throw wrapped;
        }
    }

    private static ScenarioRun await(CompletableFuture<ScenarioRun> run) throws Exception {
        return run.get(NODE_RUN_TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS);
    }

    /** Runs each task on a new daemon thread, so a stuck run never keeps the JVM alive. */
    static Executor daemon() {
        return task -> {
            Thread thread = new Thread(task, "client-scenarios");
            thread.setDaemon(true);
            thread.start();
        };
    }

    private static URI withTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? uri : URI.create(text + "/");
    }
}
