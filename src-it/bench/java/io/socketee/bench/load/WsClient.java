package io.socketee.bench.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A WebSocket client of the contract: the HTTP upgrade, client framing (masked text frames,
 * pong, close) and, for Socket.IO, Engine.IO v4 open, CONNECT to "/" and heartbeat answers.
 * Confined to the {@link Loop} thread.
 */
final class WsClient extends Conn implements Client {
    private final Loop loop;
    private final Wire wire;
    private final Listener listener;
    private final java.net.InetSocketAddress target;
    private final StringBuilder fragments = new StringBuilder();
    private boolean upgraded;
    private long nextAckId;
    private long mask = System.nanoTime() | 1;

    WsClient(Loop loop, Wire wire, Listener listener) {
        this(loop, wire, listener, loop.target());
    }

    /** A client of another loopback target than the loop's: one node of a cluster. */
    WsClient(Loop loop, Wire wire, Listener listener, java.net.InetSocketAddress target) {
        this.loop = loop;
        this.wire = wire;
        this.listener = listener;
        this.target = target;
    }

    /** Starts the connection; {@link Listener#onReady} follows once it can carry the contract. */
    WsClient open() {
        loop.connect(this, target);
        return this;
    }

    @Override
    void onConnected() {
        String path = wire.socketIo() ? "/socket.io/?EIO=4&transport=websocket" : "/";
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + target.getHostString() + ":"
                + target.getPort() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
    }

    @Override
    public void echo(long stamp) {
        send(wire.echo(nextAckId++, stamp));
    }

    @Override
    public void join(String room) {
        send(wire.join(nextAckId++, room));
    }

    @Override
    public void fanout(String room, long stamp, long seq) {
        send(wire.fanout(room, stamp, seq));
    }

    private void send(String text) {
        sendFrame(0x1, Wire.ascii(text));
    }

    private void sendFrame(int opcode, byte[] data) {
        int len = data.length;
        int header = len < 126 ? 2 : len < 65536 ? 4 : 10;
        ByteBuffer frame = ByteBuffer.allocate(header + 4 + len);
        frame.put((byte) (0x80 | opcode));
        if (len < 126) {
            frame.put((byte) (0x80 | len));
        } else if (len < 65536) {
            frame.put((byte) (0x80 | 126)).putShort((short) len);
        } else {
            frame.put((byte) (0x80 | 127)).putLong(len);
        }
        mask ^= mask << 13;
        mask ^= mask >>> 7;
        mask ^= mask << 17;
        int key = (int) mask;
        frame.putInt(key);
        for (int i = 0; i < len; i++) {
            frame.put((byte) (data[i] ^ (key >>> (8 * (3 - (i & 3))))));
        }
        write(frame.flip());
    }

    @Override
    void consume(ByteBuffer in) {
        if (!upgraded && !readUpgrade(in)) {
            return;
        }
        while (!isClosed() && in.remaining() >= 2) {
            int start = in.position();
            int b0 = in.get(start) & 0xff;
            int b1 = in.get(start + 1) & 0x7f;
            int header = b1 < 126 ? 2 : b1 == 126 ? 4 : 10;
            if (in.remaining() < header) {
                return;
            }
            long len = b1 < 126 ? b1 : b1 == 126 ? in.getShort(start + 2) & 0xffff : in.getLong(start + 2);
            if (in.remaining() < header + len) {
                reserve((int) (header + len));
                return;
            }
            byte[] data = new byte[(int) len];
            in.position(start + header);
            in.get(data);
            frame(b0, data);
        }
    }

    private boolean readUpgrade(ByteBuffer in) {
        for (int i = in.position(); i + 3 < in.limit(); i++) {
            if (in.get(i) == '\r' && in.get(i + 1) == '\n' && in.get(i + 2) == '\r' && in.get(i + 3) == '\n') {
                byte[] head = new byte[i - in.position()];
                in.get(head);
                in.position(i + 4);
                String status = new String(head, StandardCharsets.US_ASCII);
                if (!status.startsWith("HTTP/1.1 101")) {
                    fail("upgrade refused: " + status.lines().findFirst().orElse(""));
                    return false;
                }
                upgraded = true;
                if (!wire.socketIo()) {
                    listener.onReady(this);
                }
                return true;
            }
        }
        return false;
    }

    private void frame(int b0, byte[] data) {
        int opcode = b0 & 0x0f;
        boolean fin = (b0 & 0x80) != 0;
        switch (opcode) {
            case 0x0, 0x1 -> {
                if (fin && fragments.length() == 0) {
                    message(new String(data, StandardCharsets.UTF_8));
                } else {
                    fragments.append(new String(data, StandardCharsets.UTF_8));
                    if (fin) {
                        String text = fragments.toString();
                        fragments.setLength(0);
                        message(text);
                    }
                }
            }
            case 0x8 -> fail("close frame from the server");
            case 0x9 -> sendFrame(0xA, data);
            default -> { } // pong, binary: not in the contract
        }
    }

    private void message(String text) {
        if (!wire.socketIo()) {
            wire.dispatch(this, text, listener);
        } else if (text.equals("2")) {
            send("3");
        } else if (text.startsWith("0")) {
            send("40");
        } else if (text.startsWith("4")) {
            wire.dispatch(this, text, listener);
        }
    }

    @Override
    void onFailed(String why) {
        listener.onFailed(this, why);
    }
}
