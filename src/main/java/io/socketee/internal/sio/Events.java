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

    /** Fails when {@code event} may not be emitted. */
    static void checkEmittable(String event) {
        Objects.requireNonNull(event, "event");
        if (RESERVED.contains(event)) {
            throw new IllegalArgumentException('"' + event + "\" is a reserved event name");
        }
    }
}
