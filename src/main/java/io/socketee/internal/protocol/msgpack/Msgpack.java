package io.socketee.internal.protocol.msgpack;

import io.socketee.internal.protocol.ProtocolException;
import io.socketee.internal.protocol.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MessagePack as notepack.io writes it: the smallest integer form for integral numbers, float64
 * for the rest, str/bin/array/map in their smallest forms. notepack.io 3.x is what the Node Redis
 * adapter and emitter use, 2.2 what socket.io-msgpack-parser 3.x uses; both write the JSON kinds
 * and binary the same way and differ only in extensions, which the {@link Dialect} of a decode
 * reads. Reads every standard form, so messages of other MessagePack writers decode too.
 * Bounded: depth and declared lengths are checked against the input. Stateless and thread-safe.
 */
public final class Msgpack {
    /** The deepest nesting decoded. */
    static final int MAX_DEPTH = 256;

    /** What the extension types mean, and which grammar an invalid input broke. */
    public enum Dialect {
        /**
         * notepack.io 3.x between the servers of a cluster: the timestamp extension (-1) becomes
         * epoch milliseconds, other extensions null; errors are {@link ProtocolException.Kind#CLUSTER}.
         */
        CLUSTER(ProtocolException.Kind.CLUSTER),
        /**
         * notepack.io 2.2 as socket.io-msgpack-parser's peers write it, read into the values the
         * JSON path gives ({@code JSON.stringify} of the sender's value): {@code undefined}
         * (fixext 1, type 0) is left out of a map and null in an array; a {@code Date} (fixext 8,
         * type 0, epoch milliseconds) is its ISO string; an {@code ArrayBuffer} (ext 8/16/32, type
         * 0) is binary; another extension is {@code [type, binary]}, as notepack.io decodes it.
         * Errors are {@link ProtocolException.Kind#SOCKET_IO}.
         */
        SOCKET_IO(ProtocolException.Kind.SOCKET_IO);

        private final ProtocolException.Kind kind;

        Dialect(ProtocolException.Kind kind) {
            this.kind = kind;
        }
    }

    private Msgpack() {
    }

    /** Encodes a value; binary leaves become {@code bin}. */
    public static byte[] encode(Json value) {
        ByteSink out = new ByteSink(64);
        write(value, out);
        return out.toByteArray();
    }

    /** Appends a value; binary leaves become {@code bin}. */
    public static void write(Json v, ByteSink out) {
        if (v instanceof Json.Null) {
            out.write(0xc0);
        } else if (v instanceof Json.Bool b) {
            out.write(b.value() ? 0xc3 : 0xc2);
        } else if (v instanceof Json.Num n) {
            writeNumber(n.value(), out);
        } else if (v instanceof Json.Str s) {
            byte[] b = s.value().getBytes(StandardCharsets.UTF_8);
            header(out, b.length, 0xa0, 32, 0xd9, 0xda, 0xdb);
            out.writeBytes(b);
        } else if (v instanceof Json.Bin bin) {
            byte[] b = bin.bytes();
            header(out, b.length, -1, 0, 0xc4, 0xc5, 0xc6);
            out.writeBytes(b);
        } else if (v instanceof Json.Arr a) {
            header(out, a.items().size(), 0x90, 16, -1, 0xdc, 0xdd);
            a.items().forEach(item -> write(item, out));
        } else {
            Map<String, Json> fields = ((Json.Obj) v).fields();
            writeMapHeader(fields.size(), out);
            fields.forEach((k, item) -> {
                write(new Json.Str(k), out);
                write(item, out);
            });
        }
    }

    /** Appends the header of a map of {@code size} entries; the caller writes them, key then value. */
    public static void writeMapHeader(int size, ByteSink out) {
        header(out, size, 0x80, 16, -1, 0xde, 0xdf);
    }

    /** Appends JavaScript's {@code undefined} as notepack.io writes it: fixext 1 of type 0. */
    public static void writeUndefined(ByteSink out) {
        out.write(0xd4);
        out.write(0);
        out.write(0);
    }

    /** A length header: fix form below {@code fixLimit}, else 8/16/32-bit forms (-1: none). */
    private static void header(ByteSink out, int length, int fix, int fixLimit,
            int form8, int form16, int form32) {
        if (fix >= 0 && length < fixLimit) {
            out.write(fix | length);
        } else if (form8 >= 0 && length < 0x100) {
            out.write(form8);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(form16);
            writeBig(out, length, 2);
        } else {
            out.write(form32);
            writeBig(out, length, 4);
        }
    }

    private static void writeNumber(double d, ByteSink out) {
        if (Math.floor(d) != d || Double.isInfinite(d) || Math.abs(d) >= 0x1p63) {
            out.write(0xcb);
            writeBig(out, Double.doubleToLongBits(d), 8);
            return;
        }
        long n = (long) d;
        if (n >= 0) {
            if (n < 0x80) {
                out.write((int) n);
            } else if (n < 0x100) {
                out.write(0xcc);
                out.write((int) n);
            } else if (n < 0x10000) {
                out.write(0xcd);
                writeBig(out, n, 2);
            } else if (n < 0x100000000L) {
                out.write(0xce);
                writeBig(out, n, 4);
            } else {
                out.write(0xcf);
                writeBig(out, n, 8);
            }
        } else if (n >= -0x20) {
            out.write((int) (n & 0xff));
        } else if (n >= -0x80) {
            out.write(0xd0);
            writeBig(out, n, 1);
        } else if (n >= -0x8000) {
            out.write(0xd1);
            writeBig(out, n, 2);
        } else if (n >= -0x80000000L) {
            out.write(0xd2);
            writeBig(out, n, 4);
        } else {
            out.write(0xd3);
            writeBig(out, n, 8);
        }
    }

    private static void writeBig(ByteSink out, long value, int bytes) {
        for (int i = bytes - 1; i >= 0; i--) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
    }

    /** Decodes one value, in the {@link Dialect#CLUSTER} dialect, that must fill the whole input. */
    public static Json decode(byte[] input) {
        return decode(input, Dialect.CLUSTER, MAX_DEPTH);
    }

    /**
     * Decodes one value that must fill the whole input.
     *
     * @param maxDepth the deepest array/map nesting accepted (at most {@value #MAX_DEPTH} is used)
     * @return the value; {@link Json#NULL} for a top-level {@code undefined}
     * @throws ProtocolException of the dialect's kind when the input is not one valid value
     */
    public static Json decode(byte[] input, Dialect dialect, int maxDepth) {
        Reader r = new Reader(input, dialect, Math.min(maxDepth, MAX_DEPTH));
        Json v = r.read(0);
        if (r.pos != input.length) {
            throw r.error((input.length - r.pos) + " bytes after the value");
        }
        return v == null ? Json.NULL : v;
    }

    /** A cursor over the input. */
    private static final class Reader {
        private final byte[] in;
        private final Dialect dialect;
        private final int maxDepth;
        private int pos;

        Reader(byte[] in, Dialect dialect, int maxDepth) {
            this.in = in;
            this.dialect = dialect;
            this.maxDepth = maxDepth;
        }

        ProtocolException error(String what) {
            return new ProtocolException(dialect.kind, "msgpack: " + what);
        }

        /** The next value; null for the socket.io dialect's {@code undefined}. */
        Json read(int depth) {
            if (depth > maxDepth) {
                throw error("nested deeper than " + maxDepth);
            }
            int b = u8();
            if (b <= 0x7f) {
                return new Json.Num(b);
            } else if (b >= 0xe0) {
                return new Json.Num(b - 0x100);
            } else if (b >= 0xa0 && b <= 0xbf) {
                return str(b & 0x1f);
            } else if (b >= 0x90 && b <= 0x9f) {
                return arr(b & 0x0f, depth);
            } else if (b >= 0x80 && b <= 0x8f) {
                return map(b & 0x0f, depth);
            }
            return switch (b) {
                case 0xc0 -> Json.NULL;
                case 0xc2 -> Json.FALSE;
                case 0xc3 -> Json.TRUE;
                case 0xc4 -> bin(u8());
                case 0xc5 -> bin(u16());
                case 0xc6 -> bin(len32());
                case 0xc7 -> ext(u8(), false);
                case 0xc8 -> ext(u16(), false);
                case 0xc9 -> ext(len32(), false);
                case 0xca -> new Json.Num(Float.intBitsToFloat((int) big(4)));
                case 0xcb -> new Json.Num(Double.longBitsToDouble(big(8)));
                case 0xcc -> new Json.Num(u8());
                case 0xcd -> new Json.Num(u16());
                case 0xce -> new Json.Num(big(4) & 0xffffffffL);
                case 0xcf -> new Json.Num(unsigned64(big(8)));
                case 0xd0 -> new Json.Num((byte) u8());
                case 0xd1 -> new Json.Num((short) u16());
                case 0xd2 -> new Json.Num((int) big(4));
                case 0xd3 -> new Json.Num(big(8));
                case 0xd4 -> ext(1, true);
                case 0xd5 -> ext(2, true);
                case 0xd6 -> ext(4, true);
                case 0xd7 -> ext(8, true);
                case 0xd8 -> ext(16, true);
                case 0xd9 -> str(u8());
                case 0xda -> str(u16());
                case 0xdb -> str(len32());
                case 0xdc -> arr(u16(), depth);
                case 0xdd -> arr(len32(), depth);
                case 0xde -> map(u16(), depth);
                case 0xdf -> map(len32(), depth);
                default -> throw error("unknown type byte 0x" + Integer.toHexString(b));
            };
        }

        private Json str(int n) {
            need(n);
            String s = new String(in, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return new Json.Str(s);
        }

        private Json bin(int n) {
            need(n);
            byte[] b = java.util.Arrays.copyOfRange(in, pos, pos + n);
            pos += n;
            return new Json.Bin(b);
        }

        private Json arr(int n, int depth) {
            need(n); // every element takes at least one byte
            List<Json> items = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Json item = read(depth + 1);
                items.add(item == null ? Json.NULL : item);
            }
            return new Json.Arr(items);
        }

        private Json map(int n, int depth) {
            need(n * 2L);
            Map<String, Json> fields = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                Json key = read(depth + 1);
                String k = key instanceof Json.Str s ? s.value()
                        : key instanceof Json.Num num ? io.socketee.internal.protocol.json.JsonWriter.numberToString(num.value())
                        : null;
                if (k == null) {
                    throw error("map key is not a string or number");
                }
                Json value = read(depth + 1);
                if (value != null) {
                    fields.put(k, value);
                }
            }
            return new Json.Obj(fields);
        }

        /** An extension of {@code n} bytes, read as the dialect says; {@code fixed}: a fixext form. */
        private Json ext(int n, boolean fixed) {
            int type = (byte) u8();
            need(n);
            int start = pos;
            pos += n;
            return dialect == Dialect.CLUSTER ? timestamp(type, start, n) : notepack2(type, start, n, fixed);
        }

        /** notepack.io 2.2's extensions (see {@link Dialect#SOCKET_IO}); null for undefined. */
        private Json notepack2(int type, int start, int n, boolean fixed) {
            if (type == 0 && fixed && n == 1) {
                return null;
            }
            if (type == 0 && fixed && n == 8) {
                return new Json.Str(isoInstant(readAt(start, 8)));
            }
            Json.Bin bytes = new Json.Bin(java.util.Arrays.copyOfRange(in, start, start + n));
            return type == 0 && !fixed ? bytes : new Json.Arr(List.of(new Json.Num(type), bytes));
        }

        /** A JavaScript {@code Date}'s {@code toJSON()}: ISO 8601 in UTC with milliseconds. */
        private static String isoInstant(long millis) {
            return IsoDates.format(millis);
        }

        /** The timestamp extension (-1) as epoch milliseconds; other extensions as null. */
        private Json timestamp(int type, int start, int n) {
            if (type != -1) {
                return Json.NULL;
            }
            long seconds;
            long nanos;
            if (n == 4) {
                seconds = readAt(start, 4) & 0xffffffffL;
                nanos = 0;
            } else if (n == 8) {
                long v = readAt(start, 8);
                nanos = v >>> 34;
                seconds = v & 0x3ffffffffL;
            } else if (n == 12) {
                nanos = readAt(start, 4) & 0xffffffffL;
                seconds = readAt(start + 4, 8);
            } else {
                return Json.NULL;
            }
            return new Json.Num(seconds * 1000.0 + Math.floor(nanos / 1_000_000.0));
        }

        private long readAt(int at, int bytes) {
            long v = 0;
            for (int i = 0; i < bytes; i++) {
                v = (v << 8) | (in[at + i] & 0xff);
            }
            return v;
        }

        private int u8() {
            need(1);
            return in[pos++] & 0xff;
        }

        private int u16() {
            return (int) big(2);
        }

        private int len32() {
            long n = big(4) & 0xffffffffL;
            if (n > in.length) {
                throw error("length " + n + " is longer than the input");
            }
            return (int) n;
        }

        private long big(int bytes) {
            need(bytes);
            long v = readAt(pos, bytes);
            pos += bytes;
            return v;
        }

        private void need(long n) {
            if (n < 0 || pos + n > in.length) {
                throw error("truncated at byte " + pos);
            }
        }

        private static double unsigned64(long v) {
            return v >= 0 ? v : (double) (v >>> 1) * 2 + (v & 1);
        }
    }
}
