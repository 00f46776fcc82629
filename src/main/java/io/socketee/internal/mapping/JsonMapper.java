package io.socketee.internal.mapping;

import io.socketee.IoException;
import io.socketee.internal.protocol.ProtocolException;
import io.socketee.internal.protocol.json.Json;
import io.socketee.internal.protocol.json.JsonParser;
import io.socketee.internal.protocol.json.JsonWriter;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import java.lang.reflect.Array;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Converts between application values and {@link Json}: the one place where event arguments are
 * mapped, in both directions.
 *
 * <p>Out: strings, numbers, booleans, null, maps, collections, arrays, enums, {@code Optional},
 * {@code byte[]} and {@code ByteBuffer} (binary leaves) are mapped directly at any depth; any
 * other object goes through JSON-B. Dates come out as ISO-8601 strings a JavaScript
 * {@code new Date(x)} reads ({@link JsDates}). In: see {@link io.socketee.Args}. The JSON-B instance is
 * created on first need and closed by {@link #close()}. Thread-safe.
 */
public final class JsonMapper implements AutoCloseable {
    /** Deepest nesting converted: guards against cyclic or absurdly deep values. */
    static final int MAX_DEPTH = 1000;
    private static final double LONG_LIMIT = 0x1p63;

    private final Object jsonbLock = new Object();
    private Jsonb jsonb; // guarded by jsonbLock; created on first use
    private boolean closed; // guarded by jsonbLock

    /** The JSON form of an application value. */
    public Json toJson(Object value) {
        return toJson(value, 0);
    }

    /** A JSON array of {@code head} (when not null) followed by the converted {@code values}. */
    public Json.Arr toJsonArray(Json head, Object[] values) {
        List<Json> items = new ArrayList<>(values.length + 1);
        if (head != null) {
            items.add(head);
        }
        for (Object v : values) {
            items.add(toJson(v, 1));
        }
        return new Json.Arr(items);
    }

    private Json toJson(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IoException("value nested deeper than " + MAX_DEPTH + " levels (a cycle?)");
        }
        if (value == null) {
            return Json.NULL;
        }
        if (value instanceof Json j) {
            return j;
        }
        if (value instanceof String s) {
            return Json.of(s);
        }
        if (value instanceof Boolean b) {
            return Json.of(b.booleanValue());
        }
        if (value instanceof Number n) {
            return Json.of(n.doubleValue());
        }
        if (value instanceof Character c) {
            return Json.of(c.toString());
        }
        if (value instanceof byte[] bytes) {
            return new Json.Bin(bytes);
        }
        if (value instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            return new Json.Bin(bytes);
        }
        if (value instanceof Enum<?> e) {
            return Json.of(e.name());
        }
        if (value instanceof Optional<?> o) {
            return toJson(o.orElse(null), depth);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Json> fields = new LinkedHashMap<>();
            map.forEach((k, v) -> fields.put(String.valueOf(k), toJson(v, depth + 1)));
            return new Json.Obj(fields);
        }
        if (value instanceof Collection<?> c) {
            List<Json> items = new ArrayList<>(c.size());
            for (Object item : c) {
                items.add(toJson(item, depth + 1));
            }
            return new Json.Arr(items);
        }
        if (value.getClass().isArray()) {
            int length = Array.getLength(value);
            List<Json> items = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                items.add(toJson(Array.get(value, i), depth + 1));
            }
            return new Json.Arr(items);
        }
        return viaJsonb(value);
    }

    private Json viaJsonb(Object value) {
        String text;
        try {
            text = jsonb().toJson(value);
        } catch (JsonbException e) {
            throw new IoException("cannot map a " + value.getClass().getName() + " to JSON", e);
        }
        try {
            return JsonParser.parse(text, MAX_DEPTH);
        } catch (ProtocolException e) {
            throw new IoException("JSON-B wrote invalid JSON for a " + value.getClass().getName(), e);
        }
    }

    /** The plain Java form of a JSON value (see {@link io.socketee.Args}). */
    public Object toJava(Json json) {
        if (json instanceof Json.Str s) {
            return s.value();
        }
        if (json instanceof Json.Num n) {
            return number(n.value());
        }
        if (json instanceof Json.Bool b) {
            return b.value();
        }
        if (json instanceof Json.Arr a) {
            return toJavaList(a.items());
        }
        if (json instanceof Json.Obj o) {
            Map<String, Object> map = new LinkedHashMap<>();
            o.fields().forEach((k, v) -> map.put(k, toJava(v)));
            return Collections.unmodifiableMap(map);
        }
        if (json instanceof Json.Bin b) {
            return b.bytes();
        }
        return null; // Json.Null
    }

    /** The plain Java forms of {@code items}, as an unmodifiable list that may hold nulls. */
    public List<Object> toJavaList(List<Json> items) {
        List<Object> list = new ArrayList<>(items.size());
        for (Json item : items) {
            list.add(toJava(item));
        }
        return Collections.unmodifiableList(list);
    }

    /** A {@code Long} when {@code d} is integral and fits, else the {@code Double}. */
    static Object number(double d) {
        if (d == Math.rint(d) && d >= -LONG_LIMIT && d < LONG_LIMIT) {
            return (long) d;
        }
        return d;
    }

    /**
     * Converts a received value to {@code type}: the plain value when it already is one, else by
     * JSON-B, where binary leaves read as arrays of bytes.
     *
     * @throws IoException when the value does not convert
     */
    public Object convert(Json json, Type type) {
        Object plain = toJava(json);
        Class<?> raw = type instanceof Class<?> c ? c : null;
        if (raw != null) {
            if (plain == null && !raw.isPrimitive()) {
                return null;
            }
            if (raw.isInstance(plain) || (raw.isPrimitive() && box(raw).isInstance(plain))) {
                return plain;
            }
        }
        String text = JsonWriter.write(binaryAsBytes(json));
        try {
            return jsonb().fromJson(text, type);
        } catch (JsonbException | ClassCastException e) {
            throw new IoException("cannot convert " + abbreviate(text) + " to " + type.getTypeName(), e);
        }
    }

    private static Class<?> box(Class<?> primitive) {
        return java.lang.invoke.MethodType.methodType(primitive).wrap().returnType();
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    /** {@code json} with each binary leaf replaced by an array of its (signed) bytes, JSON-B's default. */
    public static Json binaryAsBytes(Json json) {
        if (json instanceof Json.Bin b) {
            byte[] bytes = b.bytes();
            List<Json> items = new ArrayList<>(bytes.length);
            for (byte x : bytes) {
                items.add(Json.of(x));
            }
            return new Json.Arr(items);
        }
        if (json instanceof Json.Arr a) {
            return new Json.Arr(a.items().stream().map(JsonMapper::binaryAsBytes).toList());
        }
        if (json instanceof Json.Obj o) {
            Map<String, Json> fields = new LinkedHashMap<>();
            o.fields().forEach((k, v) -> fields.put(k, binaryAsBytes(v)));
            return new Json.Obj(fields);
        }
        return json;
    }

    private Jsonb jsonb() {
        synchronized (jsonbLock) {
            if (closed) {
                throw new IoException("the Socket.IO server is closed");
            }
            if (jsonb == null) {
                jsonb = JsonbBuilder.create(new JsonbConfig().withAdapters(JsDates.adapters()));
            }
            return jsonb;
        }
    }

    /** Closes the JSON-B instance, if one was created; later JSON-B conversions fail. */
    @Override
    public void close() {
        Jsonb toClose;
        synchronized (jsonbLock) {
            closed = true;
            toClose = jsonb;
            jsonb = null;
        }
        if (toClose != null) {
            try {
                toClose.close();
            } catch (Exception e) {
                java.util.logging.Logger.getLogger(JsonMapper.class.getName())
                        .log(java.util.logging.Level.FINE, "closing JSON-B failed", e);
            }
        }
    }
}
