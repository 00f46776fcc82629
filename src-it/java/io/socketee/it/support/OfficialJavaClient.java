package io.socketee.it.support;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A client of one SocketEE (or Node) server, with the official Java client
 * ({@code io.socket:socket.io-client}), over WebSocket unless told otherwise: it records the
 * events it is told to watch as {@code "event:first-argument"}.
 *
 * <p>Thread-safe: the queue is concurrent; the client library serialises its callbacks.
 */
public final class OfficialJavaClient implements AutoCloseable {
    public static final long WAIT_SECONDS = 20;

    public final Socket socket;
    public final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    public final CompletableFuture<String> disconnected = new CompletableFuture<>();

    private OfficialJavaClient(Socket socket) {
        this.socket = socket;
    }

    /** Connects over WebSocket to the application whose base is {@code base}, watching {@code watched} events. */
    public static OfficialJavaClient connect(URI base, String... watched) throws Exception {
        return connectOver(base, "websocket", watched);
    }

    /** As {@link #connect(URI, String...)}, over {@code transport} only ({@code websocket} or {@code polling}). */
    public static OfficialJavaClient connectOver(URI base, String transport, String... watched) throws Exception {
        return connectTo(base, "/", new String[] {transport}, watched);
    }

    /** As {@link #connect(URI, String...)}, to namespace {@code nsp} over {@code transports} (both: polling, then an upgrade). */
    public static OfficialJavaClient connectTo(URI base, String nsp, String[] transports, String... watched)
            throws Exception {
        IO.Options options = new IO.Options();
        options.path = base.getRawPath() + "socket.io";
        options.transports = transports;
        options.reconnection = false;
        options.forceNew = true;
        OfficialJavaClient client = new OfficialJavaClient(IO.socket(URI.create(base.getScheme() + "://" + base.getRawAuthority() + ("/".equals(nsp) ? "" : nsp)),
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

    /** Sends {@code event(args...)} without an acknowledgement. */
    public void emit(String event, Object... args) {
        socket.emit(event, args);
    }

    /** Sends {@code event(args...)} and returns the first argument of the acknowledgement. */
    public Object call(String event, Object... args) throws Exception {
        CompletableFuture<Object> acked = new CompletableFuture<>();
        socket.emit(event, args, (Ack) answer -> acked.complete(answer.length > 0 ? answer[0] : null));
        return acked.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** The next recorded event, waiting at most {@link #WAIT_SECONDS}; null when none came. */
    public String next() throws InterruptedException {
        return events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        socket.close();
    }
}
