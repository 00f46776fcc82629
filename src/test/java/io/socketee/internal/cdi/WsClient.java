package io.socketee.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.internal.engine.Caller;
import io.socketee.internal.engine.EngineServer;
import io.socketee.internal.engine.WebSocketChannel;
import io.socketee.internal.engine.WebSocketReceiver;
import io.socketee.internal.transport.Requests;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Socket.IO v5 client on an in-process WebSocket: hands its frames to an {@link EngineServer}
 * as the WebSocket endpoint does and records what the server sends. Sends and reads Socket.IO
 * packets in their text form ({@code 2["chat","hi"]}); the Engine.IO framing is added and removed
 * here.
 *
 * <p>Thread-safe: the server's threads write, the test's thread reads.
 */
final class WsClient implements WebSocketChannel {
    static final Duration WAIT = Duration.ofSeconds(5);

    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final WebSocketReceiver receiver;

    WsClient(EngineServer engine) {
        this(engine, Caller.ANONYMOUS);
    }

    /** A client whose opening request the container authenticated as {@code caller}. */
    WsClient(EngineServer engine, Caller caller) {
        receiver = engine.acceptWebSocket(Requests.of("/socket.io/", "EIO=4&transport=websocket", Map.of(),
                "127.0.0.1", false, null).withCaller(caller), this);
        String open = nextFrame();
        assertTrue(open.startsWith("0{\"sid\":"), "not an Engine.IO open packet: " + open);
    }

    /** Sends a Socket.IO packet, e.g. {@code 21["echo","hi"]}. */
    void send(String packet) {
        receiver.onText("4" + packet);
    }

    /** Joins {@code nsp} and returns the server's answer (CONNECT or CONNECT_ERROR). */
    String connect(String nsp) {
        return connect(nsp, "");
    }

    /** Joins {@code nsp} with the auth payload {@code authJson} ("" for none) and returns the answer. */
    String connect(String nsp, String authJson) {
        send("0" + ("/".equals(nsp) ? "" : nsp + ",") + authJson);
        return next();
    }

    /** The next Socket.IO packet the server sent, waiting up to {@link #WAIT}; pings are answered. */
    String next() {
        while (true) {
            String frame = nextFrame();
            if (frame.equals("2")) {
                receiver.onText("3");
            } else if (frame.startsWith("4")) {
                return frame.substring(1);
            } else {
                throw new AssertionError("not a Socket.IO packet: " + frame);
            }
        }
    }

    /** The transport closes, as when the peer goes away. */
    void drop() {
        receiver.onClose();
    }

    private String nextFrame() {
        try {
            String frame = frames.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (frame == null) {
                throw new AssertionError("nothing from the server within " + WAIT);
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void sendText(String text) {
        frames.add(text);
    }

    @Override
    public void sendBinary(byte[] data) {
        frames.add("<binary " + data.length + " bytes>");
    }

    @Override
    public void sendUrgentText(String text) {
        frames.add(text);
    }

    @Override
    public void close(int code, String reason) {
        frames.add("<close " + code + " " + reason + ">");
    }

    @Override
    public void abort(int code, String reason) {
        frames.add("<abort " + code + " " + reason + ">");
    }

    /** The peer reads every frame at once: nothing ever waits. */
    @Override
    public long pendingBytes() {
        return 0;
    }

    @Override
    public long progress() {
        return 0;
    }
}
