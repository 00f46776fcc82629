package io.socketee.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's side of {@link WebSocketChannel#flush}: every send or close on a WebSocket is
 * followed by a flush, made once the session's lock is released (a host that writes in flush may
 * block there, and must not hold the session up meanwhile).
 */
class WebSocketFlushTest {

    /** A channel that records its calls and, at each flush, checks that the session is not locked. */
    private static final class Recording implements WebSocketChannel {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final List<Boolean> unlockedAtFlush = new CopyOnWriteArrayList<>();
        final AtomicReference<EngineSocket> socket = new AtomicReference<>();
        final ExecutorService probe = Executors.newSingleThreadExecutor();

        @Override
        public void sendText(String text) {
            calls.add(text);
        }

        @Override
        public void sendBinary(byte[] data) {
            calls.add("binary");
        }

        @Override
        public void close(int code, String reason) {
            calls.add("close " + code);
        }

        @Override
        public void flush() {
            calls.add("flush");
            EngineSocket s = socket.get();
            if (s != null) {
                // writable() takes the session's lock: it would wait forever if the flusher held it
                unlockedAtFlush.add(completes(CompletableFuture.supplyAsync(s::writable, probe)));
            }
        }

        private static boolean completes(CompletableFuture<?> f) {
            try {
                f.get(5, TimeUnit.SECONDS);
                return true;
            } catch (Exception e) {
                return false;
            }
        }
    }

    private final Recording ws = new Recording();
    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    private final ExecutorService worker = Executors.newFixedThreadPool(2);
    private final EngineServer server = new EngineServer(EngineOptions.DEFAULTS, ws.socket::set, scheduler, worker,
            new SessionIds());

    @AfterEach
    void stop() {
        server.close();
        scheduler.shutdownNow();
        worker.shutdownNow();
        ws.probe.shutdownNow();
    }

    @Test
    void sendsAndTheCloseAreFlushedAfterTheLockIsReleased() {
        server.acceptWebSocket(EngineFixture.wsRequest("EIO=4&transport=websocket"), ws);
        EngineSocket socket = ws.socket.get();
        socket.sendText("hello");
        socket.sendAll(List.of("a", "b"));
        socket.close();

        List<String> calls = List.copyOf(ws.calls);
        assertTrue(calls.get(0).startsWith("0{"), "the open packet first: " + calls);
        // one flush per packet sent (the second of sendAll's finds nothing left), all after the lock
        assertEquals(List.of("flush", "4hello", "flush", "4a", "4b", "flush", "flush", "close 1000", "flush"),
                calls.subList(1, calls.size()));
        assertEquals(List.of(true, true, true, true), ws.unlockedAtFlush);
    }

    @Test
    void aRefusedWebSocketIsFlushedAfterItsClose() {
        server.acceptWebSocket(EngineFixture.wsRequest("EIO=4&transport=websocket&sid=nobody"), ws);
        assertEquals(List.of("close 1008", "flush"), ws.calls);
    }
}
