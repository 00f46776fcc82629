package io.socketee.bench.load;

import java.nio.charset.StandardCharsets;

/**
 * The text of the contract's messages in both dialects, and the stamp a payload carries:
 * {@code "T<nanoTime>.<seq>xxx..."}, padded with {@code x} to the payload size. Immutable.
 *
 * @param socketIo Socket.IO v5 packets inside Engine.IO v4 (else the raw JSON arrays of ws-server.js)
 * @param payloadBytes the size of every payload string
 */
record Wire(boolean socketIo, int payloadBytes) {

    String echo(long ackId, long stamp) {
        String payload = payload(stamp, 0);
        return socketIo ? "42" + ackId + "[\"echo\"," + payload + "]" : "[\"echo\"," + ackId + "," + payload + "]";
    }

    String join(long ackId, String room) {
        return socketIo ? "42" + ackId + "[\"join\",\"" + room + "\"]" : "[\"join\"," + ackId + ",\"" + room + "\"]";
    }

    String fanout(String room, long stamp, long seq) {
        String args = "\"fanout\",\"" + room + "\"," + payload(stamp, seq);
        return socketIo ? "42[" + args + "]" : "[" + args + "]";
    }

    private String payload(long stamp, long seq) {
        StringBuilder sb = new StringBuilder(payloadBytes + 2).append("\"T").append(stamp).append('.').append(seq);
        while (sb.length() < payloadBytes + 1) {
            sb.append('x');
        }
        return sb.append('"').toString();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The stamp after the first {@code "T} in {@code text}, or -1. */
    static long stamp(String text) {
        int t = text.indexOf("\"T");
        return t < 0 ? -1 : digits(text, t + 2);
    }

    /** The sequence number after the stamp, or -1. */
    static long seq(String text) {
        int t = text.indexOf("\"T");
        if (t < 0) {
            return -1;
        }
        int dot = text.indexOf('.', t);
        return dot < 0 ? -1 : digits(text, dot + 1);
    }

    private static long digits(String text, int from) {
        long value = 0;
        int i = from;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            value = value * 10 + (text.charAt(i++) - '0');
        }
        return i == from ? -1 : value;
    }

    /** Dispatches one Socket.IO or raw message that is not Engine.IO housekeeping. */
    void dispatch(Client client, String text, Listener listener) {
        if (socketIo) {
            if (text.startsWith("43")) {
                listener.onAck(client, stamp(text));
            } else if (text.startsWith("42[\"fan\"")) {
                listener.onFan(client, stamp(text), seq(text));
            } else if (text.startsWith("40")) {
                listener.onReady(client);
            } else if (text.startsWith("41") || text.startsWith("44")) {
                listener.onFailed(client, "refused or disconnected: " + text);
            }
        } else if (text.startsWith("[\"fan\"")) {
            listener.onFan(client, stamp(text), seq(text));
        } else if (text.length() > 1 && Character.isDigit(text.charAt(1))) {
            listener.onAck(client, stamp(text));
        }
    }
}
