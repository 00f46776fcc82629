package io.socketee.it.clients;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;

/**
 * Converts between the Java client's org.json values and plain Java values that compare by value.
 *
 * <p>Plain values are {@link Map}, {@link List}, {@link String}, {@link Long}, {@link Double},
 * {@link Boolean}, {@link Binary} and {@code null}. Stateless and thread-safe.
 */
final class JsonValues {
    private JsonValues() {
    }

    /** Binary content that compares by its bytes (a byte[] does not). */
    record Binary(String hex) {
        static Binary of(byte[] bytes) {
            return new Binary(HexFormat.of().formatHex(bytes));
        }

        static Binary of(int... values) {
            byte[] bytes = new byte[values.length];
            for (int i = 0; i < values.length; i++) {
                bytes[i] = (byte) values[i];
            }
            return of(bytes);
        }

        byte[] bytes() {
            return HexFormat.of().parseHex(hex);
        }

        @Override
        public String toString() {
            return "<" + hex.length() / 2 + " bytes " + (hex.length() > 64 ? hex.substring(0, 64) + "..." : hex) + ">";
        }
    }

    /** A map keeping insertion order and allowing null values: {@code map("k", v, "k2", v2)}. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** A list allowing null elements. */
    static List<Object> list(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    /** A plain value (or org.json value) as the Java client sends it. */
    static Object wire(Object value) {
        if (value == null) {
            return JSONObject.NULL;
        }
        if (value instanceof Binary binary) {
            return binary.bytes();
        }
        if (value instanceof Map<?, ?> map) {
            JSONObject object = new JSONObject();
            map.forEach((key, item) -> put(object, (String) key, wire(item)));
            return object;
        }
        if (value instanceof List<?> items) {
            JSONArray array = new JSONArray();
            items.forEach(item -> array.put(wire(item)));
            return array;
        }
        if (value instanceof Integer number) {
            return number.longValue();
        }
        return value;
    }

    /** Event or acknowledgement arguments as the Java client sends them. */
    static Object[] wireArgs(List<?> args) {
        return args.stream().map(JsonValues::wire).toArray();
    }

    /** A value the Java client received (or a plain value) as a plain value. */
    static Object plain(Object value) {
        if (value == null || value == JSONObject.NULL) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return Binary.of(bytes);
        }
        if (value instanceof JSONObject object) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Iterator<?> keys = object.keys(); keys.hasNext(); ) {
                String key = (String) keys.next();
                map.put(key, plain(object.opt(key)));
            }
            return map;
        }
        if (value instanceof JSONArray array) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < array.length(); i++) {
                items.add(plain(array.opt(i)));
            }
            return items;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return plain(wire(value));
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float number) {
            return number.doubleValue();
        }
        // org.json from 2023 on reads decimals as BigDecimal (older versions as Double); the
        // Redis client brings such a version onto the test class path
        if (value instanceof java.math.BigInteger number) {
            return number.longValue();
        }
        if (value instanceof java.math.BigDecimal number) {
            return number.doubleValue();
        }
        return value;
    }

    /** Received arguments as plain values. */
    static List<Object> plainArgs(Object... args) {
        List<Object> values = new ArrayList<>();
        for (Object arg : args) {
            values.add(plain(arg));
        }
        return values;
    }

    private static void put(JSONObject object, String key, Object value) {
        try {
            object.put(key, value);
        } catch (JSONException e) {
            throw new IllegalArgumentException("cannot put " + key + " into a JSONObject", e);
        }
    }
}
