package io.socketee.it.protocol.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A raw WebSocket client (JDK {@link WebSocket}) that queues every received message, close and
 * error as a {@link Frame}, so tests read the server's frames one by one with timeouts.
 *
 * <p>Thread-safe: the JDK delivers to the queue; sends are serialized by waiting for each one.
 */
public final class RawWebSocket implements AutoCloseable {

    /** Default wait for one frame: generous, as heartbeat and connect timeouts are 1.5 to 4.5 s. */
    public static final Duration FRAME_TIMEOUT = Duration.ofSeconds(10);

    /** What the client saw, in order. */
    public sealed interface Frame {
    }

    /** A complete text message. */
    public record Text(String text) implements Frame {
    }

    /** A complete binary message. */
    public record Binary(byte[] data) implements Frame {
    }

    /** A close frame from the server (1005 when it carried no status code). */
    public record Closed(int code, String reason) implements Frame {
    }

    /** The connection failed (e.g. dropped without a close frame). */
    public record Failed(Throwable error) implements Frame {
    }

    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    private RawWebSocket(HttpClient client, URI uri) throws WebSocketHandshakeException {
        try {
            this.socket = client.newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(uri, new Collector())
                    .get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException handshake) {
                throw handshake;
            }
            throw new AssertionError("WebSocket open failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (TimeoutException e) {
            throw new AssertionError("WebSocket open timed out", e);
        }
    }

    /** Opens {@code ws://...<base>?<query>}; fails the test if the handshake is refused. */
    public static RawWebSocket open(URI httpBase, String query) {
        try {
            return new RawWebSocket(newClient(), webSocketUri(httpBase, query));
        } catch (WebSocketHandshakeException e) {
            throw new AssertionError("WebSocket handshake refused with HTTP " + e.getResponse().statusCode(), e);
        }
    }

    /** Tries to open; returns the HTTP status of a refused handshake, or the open socket. */
    public static Attempt attempt(URI httpBase, String query) {
        try {
            return new Attempt(Optional.of(new RawWebSocket(newClient(), webSocketUri(httpBase, query))), 101);
        } catch (WebSocketHandshakeException e) {
            return new Attempt(Optional.empty(), e.getResponse().statusCode());
        }
    }

    /**
     * The outcome of {@link #attempt}.
     *
     * @param socket the socket when the server switched protocols
     * @param status 101, or the HTTP status of the refusal
     */
    public record Attempt(Optional<RawWebSocket> socket, int status) {
    }

    /** {@code ws://} for {@code http://}, with the query appended. */
    public static URI webSocketUri(URI httpBase, String query) {
        return URI.create(httpBase.toString().replaceFirst("^http", "ws") + "?" + query);
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Sends one text frame and waits until it is written. */
    public RawWebSocket send(String text) {
        join(socket.sendText(text, true));
        return this;
    }

    /** Sends one binary frame and waits until it is written. */
    public RawWebSocket send(byte[] data) {
        join(socket.sendBinary(ByteBuffer.wrap(data), true));
        return this;
    }

    /** The next frame; fails the test when none arrives within {@link #FRAME_TIMEOUT}. */
    public Frame next() {
        return next(FRAME_TIMEOUT);
    }

    /** The next frame within the given time. */
    public Frame next(Duration timeout) {
        return poll(timeout).orElseThrow(() -> new AssertionError("no frame within " + timeout));
    }

    /** The next frame if one arrives within the given time. */
    public Optional<Frame> poll(Duration timeout) {
        try {
            return Optional.ofNullable(frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The next frame, which must be a text frame. */
    public String nextText() {
        Frame frame = next();
        if (frame instanceof Text text) {
            return text.text();
        }
        throw new AssertionError("expected a text frame, got " + describe(frame));
    }

    /** The next frame, which must be a binary frame. */
    public byte[] nextBinary() {
        Frame frame = next();
        if (frame instanceof Binary binary) {
            return binary.data();
        }
        throw new AssertionError("expected a binary frame, got " + describe(frame));
    }

    /** Asserts the next frame is exactly this text. */
    public void expectText(String expected) {
        assertEquals(expected, nextText());
    }

    /** Asserts the next frame is exactly these bytes. */
    public void expectBinary(byte[] expected) {
        assertArrayEquals(expected, nextBinary());
    }

    /**
     * The next text frame that is not a v4 ping; every ping ({@code 2}) is answered with {@code 3}.
     * Fails when only pings come for {@link #FRAME_TIMEOUT}: a live heartbeat must not keep a
     * test waiting for ever.
     */
    public String nextTextAnsweringPings() {
        long deadline = System.nanoTime() + FRAME_TIMEOUT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("only pings within " + FRAME_TIMEOUT);
            }
            Frame frame = next(Duration.ofNanos(left));
            if (!(frame instanceof Text t)) {
                throw new AssertionError("expected a text frame, got " + describe(frame));
            }
            if (!t.text().equals("2")) {
                return t.text();
            }
            send("3");
        }
    }

    /**
     * Waits for the server to end the connection, answering v4 pings meanwhile when asked;
     * fails on any other frame. Returns the close frame, or a {@link Failed} when the connection
     * dropped without one.
     */
    public Frame awaitEnd(boolean answerPings) {
        long deadline = System.nanoTime() + FRAME_TIMEOUT.multipliedBy(3).toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("the connection did not end within " + FRAME_TIMEOUT.multipliedBy(3));
            }
            Frame frame = next(Duration.ofNanos(Math.min(left, FRAME_TIMEOUT.toNanos())));
            if (frame instanceof Closed || frame instanceof Failed) {
                return frame;
            }
            if (answerPings && frame instanceof Text text && text.text().equals("2")) {
                send("3");
                continue;
            }
            throw new AssertionError("expected the connection to end, got " + describe(frame));
        }
    }

    /** Waits for a close frame (no other frame allowed before it) and returns its status code. */
    public int awaitCloseCode() {
        Frame end = awaitEnd(false);
        if (end instanceof Closed closed) {
            return closed.code();
        }
        throw new AssertionError("expected a close frame, got " + describe(end));
    }

    /** Asserts that no frame at all arrives within the given time. */
    public void expectSilence(Duration duration) {
        poll(duration).ifPresent(f -> {
            throw new AssertionError("expected no frame, got " + describe(f));
        });
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // already gone: nothing to close
            }
        }
        socket.abort();
    }

    /** A readable description of a frame for failure messages. */
    public static String describe(Frame frame) {
        if (frame instanceof Text t) {
            return "text " + Payloads.visible(t.text());
        } else if (frame instanceof Binary b) {
            return "binary " + java.util.HexFormat.of().formatHex(b.data());
        } else if (frame instanceof Closed c) {
            return "close " + c.code() + " '" + c.reason() + "'";
        }
        return "failure " + ((Failed) frame).error();
    }

    private static void join(CompletableFuture<WebSocket> sent) {
        try {
            sent.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (ExecutionException | CompletionException e) {
            throw new AssertionError("send failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("send timed out", e);
        }
    }

    /** Reassembles partial messages and queues complete frames. */
    private final class Collector implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                frames.add(new Text(text.toString()));
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            binary.writeBytes(chunk);
            if (last) {
                frames.add(new Binary(binary.toByteArray()));
                binary.reset();
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            frames.add(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            frames.add(new Failed(error));
        }
    }
}
