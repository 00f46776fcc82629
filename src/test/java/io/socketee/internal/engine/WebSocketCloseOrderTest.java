package io.socketee.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A WebSocket's close reported by the container while that WebSocket's last message is still
 * being handed to the handler on another thread (seen on WildFly): the close is not applied until
 * the message is through, and the handler gets the message, then the close.
 */
class WebSocketCloseOrderTest {

    @Test
    void aCloseReportedWhileTheLastMessageIsHandedOverWaitsForIt() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch inHandler = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
        ExecutorService worker = Executors.newFixedThreadPool(2);
        ExecutorService container = Executors.newFixedThreadPool(2);
        EngineServer server = new EngineServer(EngineOptions.DEFAULTS, socket -> socket.setHandler(new EngineSocketHandler() {
            @Override
            public void onText(String message) {
                inHandler.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS); // the handler is slow with the last message
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                events.add("text:" + message);
            }

            @Override
            public void onBinary(byte[] message) {
                events.add("binary");
            }

            @Override
            public void onClose(String reason) {
                events.add("close:" + reason);
            }
        }), scheduler, worker, new SessionIds());
        try {
            EngineFixture.Channel ws = new EngineFixture.Channel();
            WebSocketReceiver in = server.acceptWebSocket(EngineFixture.wsRequest("EIO=4&transport=websocket"), ws);
            ws.next(); // the open packet

            CompletableFuture<Void> message = CompletableFuture.runAsync(() -> in.onText("441"), container);
            assertTrue(inHandler.await(5, TimeUnit.SECONDS));
            CompletableFuture<Void> close = CompletableFuture.runAsync(in::onClose, container);
            Thread.sleep(100); // time for the close, on its own thread, to overtake if it could
            assertEquals(1, server.clientsCount(), "the close waits: the session is still open");
            assertEquals(List.of(), events, "nothing is reported while the message is handed over");
            release.countDown();
            message.get(5, TimeUnit.SECONDS);
            close.get(5, TimeUnit.SECONDS);

            assertEquals(List.of("text:41", "close:transport close"), events);
        } finally {
            server.close();
            scheduler.shutdownNow();
            worker.shutdownNow();
            container.shutdownNow();
        }
    }
}
