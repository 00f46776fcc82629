package io.socketee.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A client of one cluster member, with the official Java client ({@code io.socket:socket.io-client})
 * over WebSocket: it records the events it is told to watch as {@code "event:first-argument"}.
 *
 * <p>Thread-safe: the queue is concurrent; the client library serialises its callbacks.
 */
final class ClusterClient implements AutoCloseable {
    static final long WAIT_SECONDS = 20;

    final Socket socket;
    final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    final CompletableFuture<String> disconnected = new CompletableFuture<>();

    private ClusterClient(Socket socket) {
        this.socket = socket;
    }

    /** Connects to the member whose application base is {@code base}, watching {@code watched} events. */
    static ClusterClient connect(URI base, String... watched) throws Exception {
        IO.Options options = new IO.Options();
        options.path = base.getRawPath() + "socket.io";
        options.transports = new String[] {"websocket"};
        options.reconnection = false;
        options.forceNew = true;
        ClusterClient client = new ClusterClient(IO.socket(URI.create(base.getScheme() + "://" + base.getRawAuthority()),
                options));
        CompletableFuture<Void> connected = new CompletableFuture<>();
        client.socket.on(Socket.EVENT_CONNECT, args -> connected.complete(null));
        client.socket.on(Socket.EVENT_CONNECT_ERROR, args -> connected.completeExceptionally(new AssertionError(
                "connect_error " + (args.length > 0 ? args[0] : ""))));
        client.socket.on(Socket.EVENT_DISCONNECT, args -> client.disconnected.complete(String.valueOf(args[0])));
        for (String event : watched) {
            client.socket.on(event, args -> client.events.add(event + ":" + (args.length > 0 ? args[0] : "")));
        }
        client.socket.connect();
        connected.get(WAIT_SECONDS, TimeUnit.SECONDS);
        return client;
    }

    /** Sends {@code event(args...)} and returns the first argument of the acknowledgement. */
    Object call(String event, Object... args) throws Exception {
        CompletableFuture<Object> acked = new CompletableFuture<>();
        socket.emit(event, args, (Ack) answer -> acked.complete(answer.length > 0 ? answer[0] : null));
        return acked.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** The next recorded event, waiting at most {@link #WAIT_SECONDS}; null when none came. */
    String next() throws InterruptedException {
        return events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Asks the member to broadcast {@code news(text)} to the namespace, and waits for its ack. */
    void broadcastNews(String text) throws Exception {
        org.json.JSONObject spec = new org.json.JSONObject().put("event", "news")
                .put("args", new org.json.JSONArray().put(text));
        assertEquals("ok", call("emit", spec));
    }

    @Override
    public void close() {
        socket.close();
    }
}
