package io.socketee.internal.sio;

import io.socketee.Args;
import io.socketee.internal.mapping.JsonMapper;
import io.socketee.internal.protocol.json.Json;
import java.lang.reflect.Type;
import java.util.AbstractList;
import java.util.List;

/**
 * The {@link Args} of one received event or acknowledgement: the JSON values as received, with
 * their plain Java forms. Immutable and thread-safe.
 */
final class SioArgs extends AbstractList<Object> implements Args {
    private final JsonMapper mapper;
    private final List<Json> json;
    private final List<Object> plain;

    SioArgs(JsonMapper mapper, List<Json> json) {
        this.mapper = mapper;
        this.json = List.copyOf(json);
        this.plain = mapper.toJavaList(this.json);
    }

    @Override
    public Object get(int index) {
        if (index < 0 || index >= plain.size()) {
            throw new IndexOutOfBoundsException("no argument " + index + ": the client sent " + plain.size());
        }
        Object value = plain.get(index);
        return value instanceof byte[] bytes ? bytes.clone() : value;
    }

    @Override
    public int size() {
        return plain.size();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(int index, Class<T> type) {
        return (T) get(index, (Type) type);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(int index, Type type) {
        Json value = index >= 0 && index < json.size() ? json.get(index) : Json.NULL;
        return (T) mapper.convert(value, type);
    }
}
