package io.socketee.internal.protocol.engine;

import static io.socketee.internal.protocol.ProtocolException.Kind.ENGINE_IO;

import io.socketee.internal.protocol.ProtocolException;

/**
 * UTF-8 as engine.io-parser 2.x applies it (through utf8.js in non-strict mode) to the string
 * packets of an Engine.IO v3 binary payload: a lone surrogate is encoded as U+FFFD, and on decode
 * an encoded surrogate becomes U+FFFD while any other malformed sequence (bad continuation,
 * overlong form, truncation, beyond U+10FFFF) is an error. Stateless, thread-safe.
 */
final class Utf8 {
    private Utf8() {
    }

    /** Number of bytes {@link #encode} produces for {@code s}. */
    static int encodedLength(String s) {
        int n = 0;
        for (int i = 0, len = s.length(); i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** Writes the UTF-8 bytes of {@code s} at {@code out[pos]}; returns the position after them. */
    static int encode(String s, byte[] out, int pos) {
        for (int i = 0, len = s.length(); i < len; i++) {
            int c = s.charAt(i);
            if (c < 0x80) {
                out[pos++] = (byte) c;
            } else if (c < 0x800) {
                out[pos++] = (byte) (0xC0 | (c >> 6));
                out[pos++] = (byte) (0x80 | (c & 0x3F));
            } else {
                if (Character.isHighSurrogate((char) c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint((char) c, s.charAt(++i));
                    out[pos++] = (byte) (0xF0 | (cp >> 18));
                    out[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    out[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    out[pos++] = (byte) (0x80 | (cp & 0x3F));
                    continue;
                }
                if (Character.isSurrogate((char) c)) {
                    c = 0xFFFD;
                }
                out[pos++] = (byte) (0xE0 | (c >> 12));
                out[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[pos++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return pos;
    }

    /** Decodes {@code in[from, to)}. */
    static String decode(byte[] in, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            int b = in[i++] & 0xFF;
            if (b < 0x80) {
                sb.append((char) b);
                continue;
            }
            int need;
            int cp;
            int min;
            if ((b & 0xE0) == 0xC0) {
                need = 1;
                cp = b & 0x1F;
                min = 0x80;
            } else if ((b & 0xF0) == 0xE0) {
                need = 2;
                cp = b & 0x0F;
                min = 0x800;
            } else if ((b & 0xF8) == 0xF0) {
                need = 3;
                cp = b & 0x07;
                min = 0x10000;
            } else {
                throw new ProtocolException(ENGINE_IO, "invalid UTF-8 lead byte at " + (i - 1));
            }
            if (i + need > to) {
                throw new ProtocolException(ENGINE_IO, "truncated UTF-8 sequence at " + (i - 1));
            }
            for (int k = 0; k < need; k++) {
                int cont = in[i++] & 0xFF;
                if ((cont & 0xC0) != 0x80) {
                    throw new ProtocolException(ENGINE_IO, "invalid UTF-8 continuation byte at " + (i - 1));
                }
                cp = (cp << 6) | (cont & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF) {
                throw new ProtocolException(ENGINE_IO, "invalid UTF-8 sequence ending at " + (i - 1));
            }
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                cp = 0xFFFD;
            }
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }
}
