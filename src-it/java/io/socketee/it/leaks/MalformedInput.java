package io.socketee.it.leaks;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The frames of the fuzzer ({@link FuzzIT}), drawn from a seeded random source so that a failing
 * run can be repeated: Engine.IO and Socket.IO packets, most of them wrong in one way or another
 * (unknown types, namespaces never joined, acknowledgements nobody asked for, broken or hostile
 * JSON, binary headers with impossible attachment counts, invalid UTF-8, random bytes), mixed
 * with valid ones so that a connection often lives long enough to take many; WebSocket frames
 * around them (text or binary, sometimes with reserved bits or opcodes); polling bodies; and
 * bytes for a raw TCP connection that is no HTTP at all.
 *
 * <p>Not thread-safe: one instance per thread.
 */
final class MalformedInput {
    private static final String[] EVENTS = {"fz", "fz-" + "x".repeat(300), "", "\u0000", "\ud800", "echo", "__proto__",
        "constructor", "connect", "disconnect", "error", "newListener"};
    private static final String[] NAMESPACES = {"/", "/custom", "/nope", "/x/../", "//", "/\u00e9", "/" + "n".repeat(500), ""};
    private static final String[] JSON = {"[]", "{}", "[\"", "[1,", "null", "true", "\"s\"", "[\"fz\",{\"a\":", "[\"fz\"]]",
        "[\"fz\",1e999999]", "[\"fz\",-0]", "[\"fz\",\"\\ud800\"]", "[\"fz\",\"\\u0000\"]", "[\"fz\",{\"_placeholder\":true,\"num\":0}]",
        "[\"fz\",{\"_placeholder\":true,\"num\":99}]", "[\"fz\",{\"_placeholder\":\"x\"}]", "[123]", "[null]", "[[\"fz\"]]",
        "[\"fz\",{\"__proto__\":{\"x\":1}}]"};

    private final SplittableRandom random;

    MalformedInput(long seed) {
        this.random = new SplittableRandom(seed);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    /** One Engine.IO packet, as text: valid, odd or broken. */
    String packet() {
        return switch (random.nextInt(16)) {
            case 0 -> "4" + socketIoPacket();
            case 1, 2, 3, 4, 5 -> "4" + socketIoPacket();
            case 6 -> "2";                                   // a ping from the client: not in v4's direction
            case 7 -> "3";                                   // a pong nobody asked for
            case 8 -> "5";                                   // an upgrade out of place
            case 9 -> "6";                                   // a noop
            case 10 -> String.valueOf((char) ('7' + random.nextInt(3))) + garbage(8);  // unknown types
            case 11 -> "";
            case 12 -> "0{\"sid\":\"x\"}";                   // an open packet from the client
            case 13 -> "b" + garbage(16);                    // base64 of nothing
            case 14 -> "4" + deep(random.nextInt(2000) + 1);
            default -> garbage(random.nextInt(64));
        };
    }

    /** A Socket.IO packet (without the Engine.IO type). */
    private String socketIoPacket() {
        String nsp = NAMESPACES[random.nextInt(NAMESPACES.length)];
        String prefix = nsp.equals("/") || nsp.isEmpty() ? "" : nsp + ",";
        return switch (random.nextInt(12)) {
            case 0 -> "0" + prefix + (chance(50) ? "" : JSON[random.nextInt(JSON.length)]);
            case 1 -> "1" + prefix;
            case 2, 3 -> "2" + prefix + ackId() + "[\"" + EVENTS[random.nextInt(EVENTS.length)] + "\",\"x\"]";
            case 4 -> "2" + prefix + ackId() + JSON[random.nextInt(JSON.length)];
            case 5 -> "3" + prefix + ackId() + JSON[random.nextInt(JSON.length)];
            case 6 -> "4" + prefix + JSON[random.nextInt(JSON.length)];
            case 7 -> "5" + attachments() + "-" + prefix + ackId() + JSON[random.nextInt(JSON.length)];
            case 8 -> "6" + attachments() + "-" + prefix + JSON[random.nextInt(JSON.length)];
            case 9 -> String.valueOf(7 + random.nextInt(3)) + prefix + "[]";
            case 10 -> "2" + prefix + "99999999999999999999999[\"fz\"]";
            default -> "2" + garbage(24);
        };
    }

    private String ackId() {
        return switch (random.nextInt(4)) {
            case 0 -> String.valueOf(random.nextInt(1000));
            case 1 -> "-1";
            default -> "";
        };
    }

    private String attachments() {
        return switch (random.nextInt(5)) {
            case 0 -> "0";
            case 1 -> "1";
            case 2 -> String.valueOf(random.nextInt(1_000_000));
            case 3 -> "-3";
            default -> "x";
        };
    }

    /** JSON nested {@code depth} deep, within an event. */
    private static String deep(int depth) {
        return "2[\"fz\"," + "[".repeat(depth) + "]".repeat(depth) + "]";
    }

    /** Random characters, control characters and lone surrogates included. */
    String garbage(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append((char) (chance(90) ? 32 + random.nextInt(95) : random.nextInt(0x10000)));
        }
        return s.toString();
    }

    /** Random bytes, invalid UTF-8 likely. */
    byte[] bytes(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }

    /**
     * One masked WebSocket frame carrying a fuzzed packet: mostly a final text frame, sometimes
     * binary, invalid UTF-8 in a text frame, a reserved bit or opcode, or an unfinished fragment.
     * Returns the kind of frame, for the report.
     */
    String frame(ByteArrayOutputStream out) {
        int roll = random.nextInt(100);
        byte[] payload;
        int first;
        String kind;
        if (roll < 80) {
            kind = "text";
            payload = packet().getBytes(StandardCharsets.UTF_8);
            first = 0x81;
        } else if (roll < 88) {
            payload = bytes(random.nextInt(32));
            first = 0x82;                                    // binary: an attachment nobody announced
            kind = "binary";
        } else if (roll < 93) {
            payload = bytes(random.nextInt(32));
            first = 0x81;                                    // text, probably not UTF-8
            kind = "random bytes as text";
        } else if (roll < 96) {
            payload = packet().getBytes(StandardCharsets.UTF_8);
            first = 0x01;                                    // a fragment that never ends
            kind = "unfinished fragment";
        } else if (roll < 98) {
            payload = packet().getBytes(StandardCharsets.UTF_8);
            first = 0x80 | (0x10 << random.nextInt(3)) | 0x1; // a reserved bit
            kind = "reserved bit";
        } else {
            payload = bytes(random.nextInt(8));
            first = 0x80 | (3 + random.nextInt(5));          // a reserved opcode
            kind = "reserved opcode";
        }
        writeFrame(out, first, payload);
        return kind;
    }

    /** A masked frame, with a zero mask half of the time (valid: the key is any four bytes). */
    void writeFrame(ByteArrayOutputStream out, int first, byte[] payload) {
        out.write(first);
        if (payload.length < 126) {
            out.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            out.write(0x80 | 126);
            out.write(payload.length >> 8);
            out.write(payload.length);
        } else {
            out.write(0x80 | 127);
            for (int i = 7; i >= 0; i--) {
                out.write((int) ((long) payload.length >> (8 * i)));
            }
        }
        byte[] mask = chance(50) ? new byte[4] : bytes(4);
        out.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            out.write(payload[i] ^ mask[i % 4]);
        }
    }

    /** A polling body of {@code packets} fuzzed packets in the v4 framing (record separators), sometimes broken. */
    String v4Body(int packets) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < packets; i++) {
            if (i > 0) {
                body.append(chance(95) ? '\u001e' : '\u001f');
            }
            body.append(packet());
        }
        return body.toString();
    }

    /** A polling body in the v3 framing ({@code length:packet}), lengths often wrong. */
    String v3Body(int packets) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < packets; i++) {
            String p = packet();
            int length = chance(80) ? p.length() : random.nextInt(100_000) - 10;
            body.append(length).append(':').append(p);
        }
        return body.toString();
    }
}
