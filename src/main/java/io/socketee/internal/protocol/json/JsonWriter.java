package io.socketee.internal.protocol.json;

import java.util.List;
import java.util.Map;

/**
 * Writes {@link Json} values exactly as JavaScript's {@code JSON.stringify} writes the same value:
 * no whitespace; strings escape only {@code "}, {@code \}, control characters below U+0020 (as
 * {@code \b \f \n \r \t} or lowercase {@code &#92;u00XX}) and lone surrogates (lowercase
 * {@code &#92;udXXX}), never {@code /} or other non-ASCII; numbers as {@code Number.prototype.toString}
 * (NaN and infinities as {@code null}); object keys in JavaScript property order (array-index keys
 * first, ascending).
 *
 * <p>{@link Json.Bin} has no JSON form: {@link #write} rejects it, while
 * {@link #writeExtractingBinary} replaces each one by a Socket.IO attachment placeholder. Stateless
 * and thread-safe.
 */
public final class JsonWriter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonWriter() {
    }

    /**
     * The JSON text of {@code value}.
     *
     * @throws IllegalArgumentException when the value contains a {@link Json.Bin}
     */
    public static String write(Json value) {
        StringBuilder sb = new StringBuilder(64);
        write(value, sb, null);
        return sb.toString();
    }

    /**
     * Appends the JSON text of {@code value} to {@code out}.
     *
     * @throws IllegalArgumentException when the value contains a {@link Json.Bin}
     */
    public static void write(Json value, StringBuilder out) {
        write(value, out, null);
    }

    /**
     * Appends the JSON text of {@code value}, writing each {@link Json.Bin} leaf as
     * {@code {"_placeholder":true,"num":N}} and adding (a copy of) its bytes to
     * {@code attachments}, N being its index there. Leaves are numbered in the order written:
     * depth first, arrays in order, objects in property order, as socket.io-parser numbers them.
     */
    public static void writeExtractingBinary(Json value, StringBuilder out, List<byte[]> attachments) {
        write(value, out, java.util.Objects.requireNonNull(attachments, "attachments"));
    }

    /** Whether {@code value} contains a {@link Json.Bin} anywhere. */
    public static boolean hasBinary(Json value) {
        if (value instanceof Json.Bin) {
            return true;
        }
        if (value instanceof Json.Arr a) {
            for (Json item : a.items()) {
                if (hasBinary(item)) {
                    return true;
                }
            }
        } else if (value instanceof Json.Obj o) {
            for (Json item : o.fields().values()) {
                if (hasBinary(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void write(Json value, StringBuilder out, List<byte[]> attachments) {
        if (value instanceof Json.Str s) {
            writeString(s.value(), out);
        } else if (value instanceof Json.Num n) {
            writeNumber(n.value(), out);
        } else if (value instanceof Json.Obj o) {
            writeObject(o.fields(), out, attachments);
        } else if (value instanceof Json.Arr a) {
            writeArray(a.items(), out, attachments);
        } else if (value instanceof Json.Bool b) {
            out.append(b.value() ? "true" : "false");
        } else if (value instanceof Json.Null) {
            out.append("null");
        } else if (value instanceof Json.Bin bin) {
            if (attachments == null) {
                throw new IllegalArgumentException("binary data has no JSON form");
            }
            out.append("{\"_placeholder\":true,\"num\":").append(attachments.size()).append('}');
            attachments.add(bin.bytes());
        } else {
            throw new IllegalArgumentException("null JSON value");
        }
    }

    private static void writeArray(List<Json> items, StringBuilder out, List<byte[]> attachments) {
        out.append('[');
        for (int i = 0, n = items.size(); i < n; i++) {
            if (i > 0) {
                out.append(',');
            }
            write(items.get(i), out, attachments);
        }
        out.append(']');
    }

    private static void writeObject(Map<String, Json> fields, StringBuilder out, List<byte[]> attachments) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Json> e : JsKeys.inPropertyOrder(fields).entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(e.getKey(), out);
            out.append(':');
            write(e.getValue(), out, attachments);
        }
        out.append('}');
    }

    /** Appends a number as JSON.stringify does: Number::toString, or null when not finite. */
    public static void writeNumber(double v, StringBuilder out) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            out.append("null");
        } else {
            JsNumber.append(v, out);
        }
    }

    /** Appends a quoted, escaped string as JSON.stringify does. */
    public static void writeString(String s, StringBuilder out) {
        out.append('"');
        int start = 0;
        int len = s.length();
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            out.append(s, start, i);
            escape(c, out);
            start = i + 1;
        }
        out.append(s, start, len).append('"');
    }

    private static void escape(char c, StringBuilder out) {
        switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf])
                    .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
        }
    }

    /** The JavaScript {@code Number.prototype.toString()} text of {@code v} ("NaN", "Infinity" included). */
    public static String numberToString(double v) {
        return JsNumber.toString(v);
    }
}
