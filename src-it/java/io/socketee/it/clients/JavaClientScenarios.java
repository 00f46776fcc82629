package io.socketee.it.clients;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.DynamicNode;

/**
 * The client scenarios run with the official Java client (io.socket:socket.io-client 2.x) over
 * polling only, WebSocket only and polling upgraded to WebSocket, as JUnit dynamic tests.
 *
 * <p>All scenarios start when {@link #tests()} is called, on a few daemon threads sharing one
 * HTTP client; closing the returned stream releases both. Immutable.
 */
public final class JavaClientScenarios {
    private static final int PARALLEL = 6;
    private static final Duration SCENARIO_TIMEOUT = Duration.ofSeconds(60);

    private final URI base;

    /** Scenarios against the server whose Socket.IO app is at {@code base} (its path ends in "/"). */
    public JavaClientScenarios(URI base) {
        this.base = base;
    }

    /** One container per transport mode, one test per scenario; everything is started now. */
    public Stream<DynamicNode> tests() {
        OkHttpClient http = httpClient();
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL, task -> {
            Thread thread = new Thread(task, "java-client-scenarios");
            thread.setDaemon(true);
            return thread;
        });
        byte[] seed = new byte[6];
        new SecureRandom().nextBytes(seed);
        String run = HexFormat.of().formatHex(seed);
        List<DynamicNode> containers = new ArrayList<>();
        for (TransportMode mode : TransportMode.values()) {
            List<DynamicNode> tests = new ArrayList<>();
            for (Scenario scenario : Scenario.values()) {
                String tag = run + "-java-" + mode.id() + "-" + scenario.id();
                Future<?> outcome = pool.submit(() -> {
                    try (JavaScenarios scenarios = new JavaScenarios(base, mode, http, tag)) {
                        scenarios.run(scenario);
                    }
                    return null;
                });
                String context = "java " + mode.id() + " " + scenario.id();
                tests.add(dynamicTest(scenario.id(), () -> ClientScenarios.inContext(context, () -> await(outcome))));
            }
            containers.add(dynamicContainer("io.socket:socket.io-client 2.x (java) over " + mode.id(), tests.stream()));
        }
        return containers.stream().onClose(() -> {
            pool.shutdownNow();
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        });
    }

    private static void await(Future<?> outcome) throws Throwable {
        try {
            outcome.get(SCENARIO_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause();
        } catch (TimeoutException e) {
            outcome.cancel(true);
            throw new AssertionError("scenario did not finish within " + SCENARIO_TIMEOUT.toSeconds() + " s");
        }
    }

    /** One HTTP client for all sockets: every long poll and WebSocket holds a dispatcher slot. */
    private static OkHttpClient httpClient() {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(1024);
        dispatcher.setMaxRequestsPerHost(1024);
        return new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .readTimeout(1, TimeUnit.MINUTES)
                .build();
    }
}
