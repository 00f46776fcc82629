package io.socketee.it.protocol.support;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * A WebSocket client on a plain TCP socket, upgraded by hand, so that a test can send what no
 * WebSocket library sends: close frames with any code, reserved opcodes and bits, unmasked
 * frames, truncated frames, or a reset instead of a close.
 *
 * <p>Not thread-safe: one test thread per instance.
 */
public final class RawTcpWebSocket implements AutoCloseable {

    /** WebSocket opcodes (RFC 6455 5.2). */
    public static final int TEXT = 0x1;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;

    /** One frame from the server: its opcode and payload. */
    public record Frame(int opcode, byte[] payload) {
        /** The payload as UTF-8 text. */
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawTcpWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects to {@code ws://...<base>?<query>}; fails unless the server switches protocols. */
    public static RawTcpWebSocket open(URI httpBase, String query) {
        return open(httpBase, query, RawWebSocket.FRAME_TIMEOUT);
    }

    /**
     * Connects to {@code ws://...<base>?<query>}, waiting at most {@code readTimeout} for each read
     * (the upgrade's answer, then each frame); fails unless the server switches protocols.
     */
    public static RawTcpWebSocket open(URI httpBase, String query, Duration readTimeout) {
        try {
            Socket socket = new Socket(httpBase.getHost(), httpBase.getPort());
            socket.setSoTimeout((int) readTimeout.toMillis());
            RawTcpWebSocket ws = new RawTcpWebSocket(socket);
            ws.handshake(httpBase.getRawPath() + "?" + query, httpBase.getHost() + ":" + httpBase.getPort());
            return ws;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handshake(String target, String host) throws IOException {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String request = "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce)
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String head = readHead();
        if (!head.startsWith("HTTP/1.1 101")) {
            throw new IOException("WebSocket upgrade refused: " + head.lines().findFirst().orElse(head));
        }
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed during the upgrade");
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** Sends a masked, final text frame. */
    public void sendText(String text) {
        sendFrame(0x80 | TEXT, text.getBytes(StandardCharsets.UTF_8), true);
    }

    /** Sends a masked close frame carrying {@code code} (any 16-bit value) and no reason. */
    public void sendClose(int code) {
        sendFrame(0x80 | CLOSE, new byte[] {(byte) (code >> 8), (byte) code}, true);
    }

    /**
     * Sends one frame as given: {@code firstByte} holds FIN, the reserved bits and the opcode;
     * the payload is masked when {@code masked} (clients must mask, RFC 6455 5.3).
     */
    public void sendFrame(int firstByte, byte[] payload, boolean masked) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(firstByte);
        int maskBit = masked ? 0x80 : 0;
        if (payload.length < 126) {
            frame.write(maskBit | payload.length);
        } else {
            frame.write(maskBit | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length);
        }
        byte[] body = payload.clone();
        if (masked) {
            byte[] mask = new byte[4];
            RANDOM.nextBytes(mask);
            frame.writeBytes(mask);
            for (int i = 0; i < body.length; i++) {
                body[i] ^= mask[i % 4];
            }
        }
        frame.writeBytes(body);
        sendBytes(frame.toByteArray());
    }

    /** Sends raw bytes, e.g. the start of a frame that never ends. */
    public void sendBytes(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next frame from the server; fails on a timeout or the end of the connection. */
    public Frame next() {
        try {
            int b0 = readByte();
            int b1 = readByte();
            long length = b1 & 0x7f;
            if (length == 126) {
                length = (readByte() << 8) | readByte();
            } else if (length == 127) {
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = (length << 8) | readByte();
                }
            }
            byte[] payload = in.readNBytes((int) length);
            if (payload.length < length) {
                throw new EOFException("connection closed inside a frame");
            }
            return new Frame(b0 & 0x0f, payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The payload of the next text frame, answering nothing; fails on any other frame. */
    public String nextText() {
        Frame f = next();
        if (f.opcode() != TEXT) {
            throw new AssertionError("expected a text frame, got opcode " + f.opcode());
        }
        return f.text();
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("connection closed");
        }
        return b;
    }

    /**
     * Reads and ignores whatever the server sends (pings unanswered, close frames unanswered)
     * until it ends the TCP connection; returns whether it did within {@code timeout}.
     */
    public boolean awaitServerEnd(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[4096];
        try {
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return false;
                }
                socket.setSoTimeout((int) Math.max(1, Math.min(left, 1000)));
                try {
                    if (in.read(buffer) < 0) {
                        return true;
                    }
                } catch (SocketTimeoutException e) {
                    // nothing yet: look again until the deadline
                }
            }
        } catch (SocketException e) {
            return true; // reset by the server
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the connection with a TCP reset instead of a close (SO_LINGER 0). */
    public void reset() {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
