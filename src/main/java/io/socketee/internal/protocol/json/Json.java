package io.socketee.internal.protocol.json;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An immutable JSON value as Socket.IO carries it: the six JSON kinds plus {@link Bin}, a binary
 * leaf that the Socket.IO codec turns into an attachment placeholder on the wire.
 *
 * <p>All implementations are immutable records and thread-safe. Objects keep insertion order.
 */
public sealed interface Json permits Json.Null, Json.Bool, Json.Num, Json.Str, Json.Arr, Json.Obj, Json.Bin {

    /** The JSON {@code null}. */
    Null NULL = new Null();
    /** The JSON {@code true}. */
    Bool TRUE = new Bool(true);
    /** The JSON {@code false}. */
    Bool FALSE = new Bool(false);

    /** JSON {@code null}. */
    record Null() implements Json {
    }

    /** A JSON boolean. */
    record Bool(boolean value) implements Json {
    }

    /** A JSON number; like JavaScript, every number is a double. */
    record Num(double value) implements Json {
    }

    /** A JSON string. */
    record Str(String value) implements Json {
        public Str {
            java.util.Objects.requireNonNull(value, "value");
        }
    }

    /** A JSON array; the list is unmodifiable. */
    record Arr(List<Json> items) implements Json {
        public Arr {
            items = List.copyOf(items);
        }
    }

    /** A JSON object; the map is unmodifiable and keeps insertion order. */
    record Obj(Map<String, Json> fields) implements Json {
        public Obj {
            fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        }
    }

    /** A binary leaf, sent as a Socket.IO attachment. The array is copied on the way in and out. */
    record Bin(byte[] bytes) implements Json {
        public Bin {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** Number of bytes, without copying. */
        public int length() {
            return bytes.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bin b && Arrays.equals(bytes, b.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Bin[" + bytes.length + " bytes]";
        }
    }

    /** A string value. */
    static Str of(String s) {
        return new Str(s);
    }

    /** A number value. */
    static Num of(double d) {
        return new Num(d);
    }

    /** A boolean value. */
    static Bool of(boolean b) {
        return b ? TRUE : FALSE;
    }

    /** An array value. */
    static Arr arr(Json... items) {
        return new Arr(List.of(items));
    }
}
