package io.socketee.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The application's hooks into the engine: the asynchronous handshake check, the response header
 * hook (the reference's {@code initial_headers} and {@code headers}) and the request that carries
 * a polling message (the reference's {@code transport.dataReq}).
 */
class EngineHooksTest {

    private static EngineOptions checkedBy(EngineOptions.HandshakeVerifier verifier) {
        return EngineOptions.DEFAULTS.withHttp(CorsPolicy.DISABLED, Optional.empty(), verifier);
    }

    @Test
    void aPollingHandshakeWaitsSuspendedForACheckThatCompletesLaterAndIsThenRefusedWith403() throws Exception {
        CompletableFuture<Optional<String>> decision = new CompletableFuture<>();
        try (EngineFixture f = new EngineFixture(checkedBy(r -> decision))) {
            EngineFixture.Exchange ex = f.get("EIO=4&transport=polling");
            assertTrue(ex.suspended, "the request is suspended, holding no thread, while the check runs");
            assertFalse(ex.answered());
            decision.complete(Optional.of("not today"));
            EngineHandshakeTest.assertError(ex, 403, "{\"code\":4,\"message\":\"not today\"}");
            assertEquals(0, f.server.clientsCount());
        }
    }

    @Test
    void aPollingHandshakeAllowedLaterOpensTheSession() throws Exception {
        CompletableFuture<Optional<String>> decision = new CompletableFuture<>();
        try (EngineFixture f = new EngineFixture(checkedBy(r -> decision))) {
            EngineFixture.Exchange ex = f.get("EIO=4&transport=polling");
            assertFalse(ex.answered());
            decision.complete(Optional.empty());
            EngineFixture.Response r = ex.await();
            assertEquals(200, r.status());
            assertTrue(r.text().startsWith("0{\"sid\":"), r.text());
            assertEquals(1, f.server.clientsCount());
        }
    }

    @Test
    void aCheckThatFailsOrNeverDecidesRefusesWithForbidden() throws Exception {
        EngineOptions failing = checkedBy(r -> CompletableFuture.failedFuture(new IllegalStateException("down")));
        try (EngineFixture f = new EngineFixture(failing)) {
            EngineHandshakeTest.assertError(f.get("EIO=4&transport=polling"), 403, "{\"code\":4,\"message\":\"Forbidden\"}");
        }
        EngineOptions undecided = checkedBy(r -> new CompletableFuture<>())
                .withHooks(EngineOptions.HeaderHook.NONE, Duration.ofMillis(50));
        try (EngineFixture f = new EngineFixture(undecided)) {
            EngineHandshakeTest.assertError(f.get("EIO=4&transport=polling"), 403, "{\"code\":4,\"message\":\"Forbidden\"}");
            assertEquals(0, f.server.clientsCount());
        }
    }

    @Test
    void aWebSocketHandshakeIsCheckedBeforeTheUpgradeAndNotAgainAfterIt() throws Exception {
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        EngineOptions options = checkedBy(r -> {
            asked.add(r.url());
            return CompletableFuture.supplyAsync(() -> r.query().containsKey("deny")
                    ? Optional.of("go away") : Optional.<String>empty());
        });
        try (EngineFixture f = new EngineFixture(options)) {
            assertEquals(Optional.of("go away"), f.server.refuseUpgrade(EngineFixture.wsRequest("EIO=4&transport=websocket&deny=1")));
            HandshakeRequest ok = EngineFixture.wsRequest("EIO=4&transport=websocket");
            assertEquals(Optional.empty(), f.server.refuseUpgrade(ok));
            EngineFixture.Channel ws = new EngineFixture.Channel();
            f.server.acceptWebSocket(ok, ws, true);
            assertTrue(ws.next().toString().startsWith("0{\"sid\":"));
            assertEquals(2, asked.size(), "checked once per upgrade request: " + asked);
            EngineFixture.Channel unchecked = new EngineFixture.Channel();
            f.server.acceptWebSocket(EngineFixture.wsRequest("EIO=4&transport=websocket&deny=1"), unchecked);
            assertTrue(unchecked.next().toString().startsWith("<close 1008>"), "a WebSocket the filter did not see is checked");
        }
    }

    @Test
    void theHeaderHookAddsInitialHeadersToTheHandshakeOnlyAndHeadersToEveryPollingResponse() throws Exception {
        EngineOptions options = EngineOptions.DEFAULTS.withHooks((request, handshake, headers) -> {
            if (handshake) {
                headers.put("Set-Cookie", "lb=node-1");
            }
            headers.put("X-Every", request.query().get("transport"));
        }, EngineOptions.DEFAULTS.verifyTimeout());
        try (EngineFixture f = new EngineFixture(options)) {
            EngineFixture.Response open = f.get("EIO=4&transport=polling").await();
            assertEquals("lb=node-1", open.headers().get("Set-Cookie"));
            assertEquals("polling", open.headers().get("X-Every"));
            assertEquals("no-store", open.headers().get("Cache-Control"), "the engine's headers stay");
            String sid = open.text().substring(9, 29);
            EngineFixture.Response ok = f.post("EIO=4&transport=polling&sid=" + sid, "4hi").await();
            assertEquals("polling", ok.headers().get("X-Every"));
            assertNull(ok.headers().get("Set-Cookie"));
            f.connections.take().sendText("x");
            EngineFixture.Response poll = f.get("EIO=4&transport=polling&sid=" + sid).await();
            assertEquals("polling", poll.headers().get("X-Every"));
            assertNull(poll.headers().get("Set-Cookie"));
            assertEquals(Map.of("Set-Cookie", "lb=node-1", "X-Every", "websocket"),
                    f.server.upgradeResponseHeaders(EngineFixture.wsRequest("EIO=4&transport=websocket")));
            assertEquals(Map.of("X-Every", "websocket"),
                    f.server.upgradeResponseHeaders(EngineFixture.wsRequest("EIO=4&transport=websocket&sid=" + sid)));
        }
    }

    @Test
    void aHandlerReceivingOverPollingSeesThePostThatCarriedTheMessageAndNothingElsewhere() throws Exception {
        LinkedBlockingQueue<String> seen = new LinkedBlockingQueue<>();
        java.util.concurrent.ScheduledThreadPoolExecutor scheduler = new java.util.concurrent.ScheduledThreadPoolExecutor(1);
        java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newFixedThreadPool(1);
        EngineServer server = new EngineServer(EngineOptions.DEFAULTS, socket -> socket.setHandler(new EngineSocketHandler() {
            @Override
            public void onText(String message) {
                seen.add(message + ":" + socket.currentRequest().flatMap(r -> r.header("x-trace")).orElse("none"));
                worker.execute(() -> seen.add("elsewhere:" + socket.currentRequest().isPresent()));
            }

            @Override
            public void onBinary(byte[] message) {
            }

            @Override
            public void onClose(String reason) {
            }
        }), scheduler, worker, request -> new SessionIds().get());
        try {
            EngineFixture.Exchange open = new EngineFixture.Exchange("GET", "EIO=4&transport=polling", null, null, Map.of());
            server.handlePolling(open);
            String sid = open.await().text().substring(9, 29);
            EngineFixture.Exchange post = new EngineFixture.Exchange("POST", "EIO=4&transport=polling&sid=" + sid,
                    "4hello".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain;charset=UTF-8",
                    Map.of("X-Trace", "abc"));
            server.handlePolling(post);
            assertEquals(200, post.await().status());
            assertEquals("hello:abc", seen.poll(5, TimeUnit.SECONDS));
            assertEquals("elsewhere:false", seen.poll(5, TimeUnit.SECONDS));
        } finally {
            server.close();
            scheduler.shutdownNow();
            worker.shutdownNow();
        }
    }
}
