package io.socketee.bench.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A Socket.IO v5 client on HTTP long-polling only (Engine.IO v4), over one keep-alive
 * connection used strictly in turn: handshake, CONNECT, join the room, then GET after GET, with
 * a POST in between whenever something is to be sent (heartbeat answers). Receives only;
 * {@link Listener#onReady} once the room is joined. Confined to the {@link Loop} thread.
 */
final class PollClient extends Conn implements Client {
    private static final String SEPARATOR = "\u001e";

    private final Loop loop;
    private final Wire wire;
    private final Listener listener;
    private final String room;
    private final List<String> pending = new ArrayList<>();
    private String sid;
    private boolean awaitingPost;

    PollClient(Loop loop, Wire wire, Listener listener, String room) {
        this.loop = loop;
        this.wire = wire;
        this.listener = listener;
        this.room = room;
    }

    PollClient open() {
        loop.connect(this);
        return this;
    }

    @Override
    void onConnected() {
        get();
    }

    private String path() {
        return "/socket.io/?EIO=4&transport=polling" + (sid == null ? "" : "&sid=" + sid);
    }

    private String host() {
        return "Host: " + loop.target().getHostString() + ":" + loop.target().getPort() + "\r\n";
    }

    private void get() {
        awaitingPost = false;
        write(ByteBuffer.wrap(("GET " + path() + " HTTP/1.1\r\n" + host() + "\r\n").getBytes(StandardCharsets.US_ASCII)));
    }

    private void post(String body) {
        awaitingPost = true;
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path() + " HTTP/1.1\r\n" + host() + "Content-Type: text/plain;charset=UTF-8\r\n"
                + "Content-Length: " + bytes.length + "\r\n\r\n";
        ByteBuffer request = ByteBuffer.allocate(head.length() + bytes.length);
        request.put(head.getBytes(StandardCharsets.US_ASCII)).put(bytes);
        write(request.flip());
    }

    @Override
    public void echo(long stamp) {
        throw new UnsupportedOperationException("the polling client only receives");
    }

    @Override
    public void join(String ignored) {
        throw new UnsupportedOperationException("the polling client joins its room itself");
    }

    @Override
    public void fanout(String ignored, long stamp, long seq) {
        throw new UnsupportedOperationException("the polling client only receives");
    }

    @Override
    void consume(ByteBuffer in) {
        while (!isClosed()) {
            Http.Response response = Http.parse(in, this);
            if (response == null) {
                return;
            }
            if (response.status() != 200) {
                fail("HTTP " + response.status() + " " + response.body());
                return;
            }
            if (awaitingPost) {
                get();
            } else {
                packets(response.body());
                if (pending.isEmpty()) {
                    get();
                } else {
                    String body = String.join(SEPARATOR, pending);
                    pending.clear();
                    post(body);
                }
            }
        }
    }

    private void packets(String body) {
        for (String packet : body.split(SEPARATOR)) {
            if (packet.startsWith("0{")) {
                int at = packet.indexOf("\"sid\":\"") + 7;
                sid = packet.substring(at, packet.indexOf('"', at));
                pending.add("40");
            } else if (packet.equals("2")) {
                pending.add("3");
            } else if (packet.startsWith("40")) {
                pending.add(wire.join(0, room));
            } else if (packet.startsWith("43")) {
                listener.onReady(this);
            } else if (packet.startsWith("4")) {
                wire.dispatch(this, packet, listener);
            } else if (packet.startsWith("1")) {
                fail("closed by the server");
            }
        }
    }

    @Override
    void onFailed(String why) {
        listener.onFailed(this, why);
    }
}
