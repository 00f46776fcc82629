package io.socketee.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import io.socketee.it.support.ItServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Redis dies in the middle of traffic between two SocketEE nodes and comes back empty: each node
 * keeps serving its own clients meanwhile, reconnects and subscribes again by itself, and every
 * broadcast made after the recovery reaches the other node, in order.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class RedisOutageIT extends TwoSocketEeNodes {
    private static final long WAIT_SECONDS = 20;

    @Test
    void aRedisRestartLosesNothingBroadcastAfterTheRecovery() throws Exception {
        BlockingQueue<String> atA = new LinkedBlockingQueue<>();
        BlockingQueue<String> atB = new LinkedBlockingQueue<>();
        Socket ca = connect(ItServer.base(a), atA);
        Socket cb = connect(ItServer.base(b), atB);
        try {
            emit(ca, "before");
            assertEquals("before", atB.poll(WAIT_SECONDS, TimeUnit.SECONDS), "the cluster works before the outage");
            assertEquals("before", atA.poll(WAIT_SECONDS, TimeUnit.SECONDS));

            REDIS.kill();
            emit(ca, "during");
            assertEquals("during", atA.poll(WAIT_SECONDS, TimeUnit.SECONDS), "local clients are served while Redis is away");

            REDIS.restart();
            String probe = null;
            for (int i = 0; probe == null && i < WAIT_SECONDS * 4; i++) {
                emit(ca, "probe-" + i);
                probe = atB.poll(250, TimeUnit.MILLISECONDS);
            }
            assertNotNull(probe, "node B never heard node A again after Redis came back");
            drain(atB, "probe-");

            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                sent.add("after-" + i);
                emit(ca, "after-" + i);
            }
            List<String> received = new ArrayList<>();
            for (int i = 0; i < sent.size(); i++) {
                received.add(atB.poll(WAIT_SECONDS, TimeUnit.SECONDS));
            }
            assertEquals(sent, received, "every broadcast after the recovery, in order");
            assertNull(atB.poll(300, TimeUnit.MILLISECONDS), "and nothing else (\"during\" was never published)");
        } finally {
            ca.close();
            cb.close();
        }
    }

    /** Drops the probes that were still on their way when the first one arrived. */
    private static void drain(BlockingQueue<String> queue, String prefix) throws InterruptedException {
        String next;
        while ((next = queue.poll(500, TimeUnit.MILLISECONDS)) != null) {
            assertEquals(prefix, next.substring(0, Math.min(prefix.length(), next.length())), "only probes: " + next);
        }
    }

    private static Socket connect(URI base, BlockingQueue<String> news) throws Exception {
        IO.Options options = new IO.Options();
        options.path = base.getRawPath() + "socket.io";
        options.transports = new String[] {"websocket"};
        options.reconnection = false;
        options.forceNew = true;
        Socket socket = IO.socket(URI.create(base.getScheme() + "://" + base.getRawAuthority()), options);
        CompletableFuture<Void> connected = new CompletableFuture<>();
        socket.on(Socket.EVENT_CONNECT, args -> connected.complete(null));
        socket.on(Socket.EVENT_CONNECT_ERROR, args -> connected.completeExceptionally(new AssertionError(
                "connect_error " + (args.length > 0 ? args[0] : ""))));
        socket.on("news", args -> news.add(String.valueOf(args[0])));
        socket.connect();
        connected.get(WAIT_SECONDS, TimeUnit.SECONDS);
        return socket;
    }

    /** Asks the client's node to broadcast {@code news(text)} to the namespace, and waits for its ack. */
    private static void emit(Socket socket, String text) throws Exception {
        CompletableFuture<Object> acked = new CompletableFuture<>();
        JSONObject spec = new JSONObject().put("event", "news").put("args", new JSONArray().put(text));
        socket.emit("emit", new Object[] {spec}, (Ack) args -> acked.complete(args.length > 0 ? args[0] : null));
        assertEquals("ok", acked.get(WAIT_SECONDS, TimeUnit.SECONDS));
    }
}
