package io.socketee.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.internal.sio.SioOptions;
import io.socketee.internal.sio.SioServer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.Test;

/** The engine and the Socket.IO layer together over polling, with no container. */
class SocketIoOverPollingTest {

    @Test
    void aRoomBroadcastReachesAPollingClientOfTheRoom() throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(4);
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
        SioServer sio = new SioServer(SioOptions.DEFAULTS, workers, timer);
        sio.of("/").onConnection(socket -> {
            socket.on("join", (s, args, ack) -> {
                s.join(String.valueOf(args.get(0)));
                ack.ifPresent(a -> a.send("joined"));
            });
            socket.on("broadcast", (s, args, ack) -> sio.of("/").to(String.valueOf(args.get(0)))
                    .emit(String.valueOf(args.get(1)), args.subList(2, args.size()).toArray()));
        });
        EngineServer engine = new EngineServer(EngineOptions.DEFAULTS, sio, timer, workers, new SessionIds());
        try {
            String a = handshake(engine);
            String b = handshake(engine);
            for (String sid : new String[] {a, b}) {
                post(engine, sid, "40");
                assertTrue(get(engine, sid).startsWith("40{\"sid\":"));
            }
            post(engine, b, "421[\"join\",\"r\"]");
            assertEquals("431[\"joined\"]", get(engine, b));
            post(engine, a, "42[\"broadcast\",\"r\",\"hello\",1]");
            assertEquals("42[\"hello\",1]", get(engine, b));
        } finally {
            engine.close();
            workers.shutdownNow();
            timer.shutdownNow();
        }
    }

    private static String handshake(EngineServer engine) throws Exception {
        EngineFixture.Exchange ex = new EngineFixture.Exchange("GET", "EIO=4&transport=polling", null, null, java.util.Map.of());
        engine.handlePolling(ex);
        String body = ex.await().text();
        return body.substring(9, 29);
    }

    private static void post(EngineServer engine, String sid, String body) throws Exception {
        EngineFixture.Exchange ex = new EngineFixture.Exchange("POST", "EIO=4&transport=polling&sid=" + sid,
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain", java.util.Map.of());
        engine.handlePolling(ex);
        assertEquals(200, ex.await().status());
    }

    private static String get(EngineServer engine, String sid) throws Exception {
        EngineFixture.Exchange ex = new EngineFixture.Exchange("GET", "EIO=4&transport=polling&sid=" + sid, null, null, java.util.Map.of());
        engine.handlePolling(ex);
        return ex.await().text();
    }
}
