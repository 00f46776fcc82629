package io.socketee.it.protocol.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads HTTP long-polling payloads by hand, straight from the Engine.IO specs, so the
 * tests depend on no codec of the server under test.
 *
 * <p>v4 (engine.io-protocol v4): packets joined by the record separator {@code \x1e}, binary
 * packets as {@code b<base64>}. v3 (engine.io-protocol v3): each packet prefixed by
 * {@code <length in UTF-16 code units>:}, or the binary payload form
 * {@code <0|1><decimal digits as bytes>0xFF<packet>} when binary is involved.
 *
 * <p>Stateless and thread-safe.
 */
public final class Payloads {

    /** The v4 packet separator (record separator, U+001E). */
    public static final String SEPARATOR = "\u001e";

    private Payloads() {
    }

    /** A v4 payload: the packets joined by {@code \x1e}. */
    public static String v4(String... packets) {
        return String.join(SEPARATOR, packets);
    }

    /** Splits a v4 payload into its packets. */
    public static List<String> splitV4(String payload) {
        return List.of(payload.split(SEPARATOR, -1));
    }

    /** A v3 text payload: each packet as {@code <String.length()>:<packet>}. */
    public static String v3(String... packets) {
        StringBuilder out = new StringBuilder();
        for (String packet : packets) {
            out.append(packet.length()).append(':').append(packet);
        }
        return out.toString();
    }

    /** Splits a v3 text payload into its packets, checking every length prefix. */
    public static List<String> splitV3(String payload) {
        List<String> packets = new ArrayList<>();
        int i = 0;
        while (i < payload.length()) {
            int colon = payload.indexOf(':', i);
            if (colon < 0) {
                throw new AssertionError("v3 payload without ':' at " + i + ": " + visible(payload));
            }
            int length = Integer.parseInt(payload.substring(i, colon));
            if (colon + 1 + length > payload.length()) {
                throw new AssertionError("v3 length " + length + " overruns payload " + visible(payload));
            }
            packets.add(payload.substring(colon + 1, colon + 1 + length));
            i = colon + 1 + length;
        }
        return packets;
    }

    /** One string packet of a v3 binary payload: {@code 0x00 <digits> 0xFF <UTF-8 bytes>}. */
    public static byte[] v3BinaryString(String packet) {
        byte[] utf8 = packet.getBytes(StandardCharsets.UTF_8);
        return concat(lengthHeader(0, utf8.length), utf8);
    }

    /** One binary packet of a v3 binary payload: {@code 0x01 <digits> 0xFF <type byte> <data>}. */
    public static byte[] v3BinaryPacket(int type, byte[] data) {
        byte[] packet = new byte[data.length + 1];
        packet[0] = (byte) type;
        System.arraycopy(data, 0, packet, 1, data.length);
        return concat(lengthHeader(1, packet.length), packet);
    }

    /** Concatenates byte arrays. */
    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Bytes from ints, for readable binary literals. */
    public static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    /** Text with control characters made visible ({@code \x1e} as {@code <RS>}), for messages. */
    public static String visible(String text) {
        String shown = text.length() > 400 ? text.substring(0, 400) + "...(" + text.length() + " chars)" : text;
        return shown.replace(SEPARATOR, "<RS>");
    }

    private static byte[] lengthHeader(int kind, int length) {
        String digits = Integer.toString(length);
        byte[] header = new byte[digits.length() + 2];
        header[0] = (byte) kind;
        for (int i = 0; i < digits.length(); i++) {
            header[i + 1] = (byte) (digits.charAt(i) - '0');
        }
        header[header.length - 1] = (byte) 0xFF;
        return header;
    }
}
