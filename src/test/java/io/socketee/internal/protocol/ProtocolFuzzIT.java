package io.socketee.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.socketee.internal.protocol.engine.EngineCodec;
import io.socketee.internal.protocol.engine.EnginePacket;
import io.socketee.internal.protocol.engine.EngineVersion;
import io.socketee.internal.protocol.json.JsonParser;
import io.socketee.internal.protocol.json.JsonWriter;
import io.socketee.internal.protocol.socketio.SocketIoDecoder;
import io.socketee.internal.protocol.socketio.SocketIoEncoder;
import io.socketee.internal.protocol.socketio.SocketIoPacket;
import io.socketee.internal.protocol.socketio.SocketIoVersion;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Feeds over a million seeded random and mutated inputs through every decoder: each must either
 * decode or throw {@link ProtocolException}; anything else fails with the input printed. What does
 * decode must also re-encode, and decoding that encoding must give the same encoding again.
 */
class ProtocolFuzzIT {
    // Named *IT so that it runs in `mvn verify` (the README's test command) and keeps `mvn test`
    // a fast inner loop; it needs no server.
    private static final long SEED = 0x50C4E7EEL;
    private static final int INPUTS = 1_000_000;
    private static final int JSON_DEPTH = 1000;

    private static final String[] TEXT_SEEDS = {
        "4hello", "2probe", "3", "3probe", "6", "5", "1", "bAQID", "b4AQID", "b", "0{\"sid\":\"a\",\"pingInterval\":25000}",
        "4hello\u001e2probe\u001ebAQID\u001e3", "6:4hello2:3x", "0:", "6:b4AQID", "5:4é€😀", "1:31:6",
        "0", "0/admin,", "0{\"token\":\"x\"}", "0/chat?token=abc,", "1/a,", "2[\"a\"]", "2/chat,3[\"a\",1]",
        "212[\"message\",{\"a\":[1,2.5e-3,true,null,\"x\\u00e9\\ud800\"]}]", "3/chat,00[\"a\"]", "30[]",
        "4{\"message\":\"m\",\"data\":{\"code\":1}}", "4\"err\"", "51-[\"a\",{\"_placeholder\":true,\"num\":0}]",
        "52-/n,4[\"a\",{\"_placeholder\":true,\"num\":1},{\"x\":{\"_placeholder\":true,\"num\":0}}]",
        "61-3[{\"_placeholder\":true,\"num\":0}]", "{\"1\":1,\"b\":[-0,1e21,1.5e-7],\"a\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"}",
        "[\"\\ud83d\\ude00\",123456789012345678901234,4.9e-324]",
    };
    private static final String[] TOKENS = {
        "99999999999999999999999", "9007199254740993", "1e999999", "-0", "0.", "[", "]", "{", "}", "\"", "\\u", "\\",
        "{\"_placeholder\":true,\"num\":0}", "{\"_placeholder\":true,\"num\":7}", ",", ":", "-", "/", "\u001e", "b",
        "b4", "\ud800", "\udc00", "\u0000", " ", "null", "true", "e+", "5", "51-", "10:", "0:", "2147483648:",
    };
    private static final String MUTATION_CHARS = "0123456789-+.,:/[]{}\"\\eEbnrtu \u001e\u0000\u007f\ud800\udc00é€";

    private final Random rnd = new Random(SEED);
    private final SocketIoDecoder sioV4 = new SocketIoDecoder(SocketIoVersion.V4, 10, 1_000_000, 32);
    private final SocketIoDecoder sioV5 = new SocketIoDecoder(SocketIoVersion.V5, 10, 1_000_000, 32);
    private long decodes;
    private long accepted;

    @Test
    void everyDecoderEitherDecodesOrThrowsProtocolException() {
        int inputs = 0;
        for (int i = 0; i < INPUTS; i++) {
            if (i % 4 == 3) {
                fuzzBytes(nextBytes());
            } else {
                fuzzText(nextText());
            }
            inputs++;
        }
        assertEquals(INPUTS, inputs);
        assertTrue(decodes >= 6L * INPUTS, "decode calls: " + decodes);
        // the mutations stay close enough to valid packets to reach the success paths too
        assertTrue(accepted > decodes / 20 && accepted < decodes / 2, "accepted " + accepted + " of " + decodes);
    }

    // ---- feeding ----

    private void fuzzText(String s) {
        run("JsonParser", s, () -> {
            String once = JsonWriter.write(JsonParser.parse(s, JSON_DEPTH));
            assertEquals(once, JsonWriter.write(JsonParser.parse(once, JSON_DEPTH)));
        });
        for (EngineVersion v : EngineVersion.values()) {
            run("decodeText " + v, s, () -> {
                EnginePacket p = EngineCodec.decodeText(s, v);
                assertEquals(p, EngineCodec.decodeText(EngineCodec.encodeText(p, v), v));
            });
            run("decodeStringPayload " + v, s, () -> {
                List<EnginePacket> ps = EngineCodec.decodeStringPayload(s, v, 1000);
                if (!ps.isEmpty()) {
                    assertEquals(ps, EngineCodec.decodeStringPayload(EngineCodec.encodeStringPayload(ps, v), v, 1000));
                }
            });
        }
        run("SocketIoDecoder V4 text", s, () -> roundTrip(sioV4.addText(s)));
        run("SocketIoDecoder V5 text", s, () -> roundTrip(sioV5.addText(s)));
    }

    private void fuzzBytes(byte[] b) {
        Supplier<String> shown = () -> "bytes " + java.util.HexFormat.of().formatHex(b, 0, Math.min(b.length, 600));
        for (EngineVersion v : EngineVersion.values()) {
            run("decodeBinaryFrame " + v, shown, () -> EngineCodec.decodeBinaryFrame(b, v));
            run("decodeBinaryPayload " + v, shown, () -> {
                List<EnginePacket> ps = EngineCodec.decodeBinaryPayload(b, v, 1000);
                assertEquals(ps, EngineCodec.decodeBinaryPayload(EngineCodec.encodeBinaryPayload(ps, v), v, 1000));
            });
        }
        run("SocketIoDecoder V4 binary", shown, () -> roundTrip(sioV4.addBinary(b)));
        run("SocketIoDecoder V5 binary", shown, () -> roundTrip(sioV5.addBinary(b)));
    }

    private void roundTrip(Optional<SocketIoPacket> decoded) {
        if (decoded.isEmpty() || decoded.get().type() == io.socketee.internal.protocol.socketio.SocketIoPacketType.EVENT
                && decoded.get().data() == null) {
            return;
        }
        SocketIoEncoder.Encoded e = SocketIoEncoder.encode(decoded.get());
        SocketIoDecoder fresh = new SocketIoDecoder(SocketIoVersion.V5, 10, 1_000_000, 32);
        Optional<SocketIoPacket> again = fresh.addText(e.text());
        for (byte[] a : e.attachments()) {
            again = fresh.addBinary(a);
        }
        assertEquals(e.text(), SocketIoEncoder.encode(again.orElseThrow()).text());
    }

    private void run(String decoder, String input, Runnable call) {
        run(decoder, () -> show(input), call);
    }

    private void run(String decoder, Supplier<String> input, Runnable call) {
        decodes++;
        try {
            call.run();
            accepted++;
        } catch (ProtocolException expected) {
            // the one allowed failure
        } catch (Throwable t) {
            fail(decoder + " threw " + t + " for input " + input.get(), t);
        }
    }

    private static String show(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < Math.min(s.length(), 600); i++) {
            char c = s.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return sb.append(s.length() > 600 ? "\"... (" + s.length() + " chars)" : "\"").toString();
    }

    // ---- generation ----

    private String nextText() {
        int mode = rnd.nextInt(100);
        if (mode < 8) {
            return randomText(rnd.nextInt(24));
        }
        if (mode == 8 && rnd.nextInt(20) == 0) {
            return deepNesting();
        }
        StringBuilder sb = new StringBuilder(TEXT_SEEDS[rnd.nextInt(TEXT_SEEDS.length)]);
        if (mode < 14) {
            sb.append(TEXT_SEEDS[rnd.nextInt(TEXT_SEEDS.length)]);
        }
        int mutations = 1 + rnd.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            mutate(sb);
        }
        return sb.toString();
    }

    private void mutate(StringBuilder sb) {
        int len = sb.length();
        int at = len == 0 ? 0 : rnd.nextInt(len + 1);
        switch (rnd.nextInt(6)) {
            case 0 -> {
                if (at < len) {
                    sb.setCharAt(at, MUTATION_CHARS.charAt(rnd.nextInt(MUTATION_CHARS.length())));
                }
            }
            case 1 -> sb.setLength(at);
            case 2 -> sb.insert(at, TOKENS[rnd.nextInt(TOKENS.length)]);
            case 3 -> sb.delete(at, Math.min(len, at + 1 + rnd.nextInt(4)));
            case 4 -> {
                if (at < len) {
                    sb.setCharAt(at, (char) (sb.charAt(at) ^ (1 << rnd.nextInt(16))));
                }
            }
            default -> sb.insert(at, sb.substring(at, Math.min(len, at + rnd.nextInt(8))));
        }
    }

    private String randomText(int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = rnd.nextBoolean() ? MUTATION_CHARS.charAt(rnd.nextInt(MUTATION_CHARS.length())) : (char) rnd.nextInt(0x10000);
        }
        return new String(c);
    }

    private String deepNesting() {
        int depth = 500 + rnd.nextInt(3000);
        String open = rnd.nextBoolean() ? "[" : "{\"a\":";
        String prefix = new String[] {"", "2[\"a\",", "4", "51-[\"a\","}[rnd.nextInt(4)];
        return prefix + open.repeat(depth) + "1" + (open.equals("[") ? "]" : "}").repeat(rnd.nextInt(depth + 2));
    }

    private byte[] nextBytes() {
        byte[] b;
        int mode = rnd.nextInt(10);
        if (mode < 3) {
            b = new byte[rnd.nextInt(24)];
            rnd.nextBytes(b);
            return b;
        }
        if (mode < 6) {
            String seed = TEXT_SEEDS[rnd.nextInt(TEXT_SEEDS.length)];
            b = EngineCodec.encodeBinaryPayload(List.of(EnginePacket.message(seed), new EnginePacket.Binary(new byte[] {1, 2})),
                    EngineVersion.V3);
        } else {
            b = new byte[] {4, 1, 2, 3, (byte) 0xFF, 0, 9};
        }
        int mutations = 1 + rnd.nextInt(3);
        for (int m = 0; m < mutations && b.length > 0; m++) {
            int at = rnd.nextInt(b.length);
            switch (rnd.nextInt(4)) {
                case 0 -> b[at] ^= (byte) (1 << rnd.nextInt(8));
                case 1 -> b = java.util.Arrays.copyOf(b, at);
                case 2 -> b[at] = new byte[] {0, 1, 4, 9, 10, (byte) 0xFF}[rnd.nextInt(6)];
                default -> {
                    byte[] longer = new byte[b.length + 3];
                    System.arraycopy(b, 0, longer, 0, at);
                    longer[at] = 9;
                    longer[at + 1] = 9;
                    longer[at + 2] = 9;
                    System.arraycopy(b, at, longer, at + 3, b.length - at);
                    b = longer;
                }
            }
        }
        return b;
    }
}
