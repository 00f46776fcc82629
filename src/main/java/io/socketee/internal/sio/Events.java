package io.socketee.internal.sio;

import java.util.Objects;
import java.util.Set;

/** Rules on event names shared by sockets and broadcasts. Stateless, thread-safe. */
final class Events {
    /** Names a server may neither emit nor listen to with {@code on}, as in the reference server. */
    static final Set<String> RESERVED =
            Set.of("connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener");

    private Events() {
    }

    /** An event name as the reference server keys it: a string, or a number's JavaScript text. */
    static String name(io.socketee.internal.protocol.json.Json name) {
        if (name instanceof io.socketee.internal.protocol.json.Json.Str s) {
            return s.value();
        }
        return name instanceof io.socketee.internal.protocol.json.Json.Num n
                ? io.socketee.internal.protocol.json.JsonWriter.numberToString(n.value())
                : io.socketee.internal.protocol.json.JsonWriter.write(name);
    }

    /** The items of a packet's data array; empty when it is not an array. */
    static java.util.List<io.socketee.internal.protocol.json.Json> items(io.socketee.internal.protocol.json.Json data) {
        return data instanceof io.socketee.internal.protocol.json.Json.Arr a ? a.items() : java.util.List.of();
    }

    /** Fails when {@code event} may not be emitted. */
    static void checkEmittable(String event) {
        Objects.requireNonNull(event, "event");
        if (RESERVED.contains(event)) {
            throw new IllegalArgumentException('"' + event + "\" is a reserved event name");
        }
    }
}
