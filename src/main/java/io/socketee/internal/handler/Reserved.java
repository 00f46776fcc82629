package io.socketee.internal.handler;

import java.util.Set;

/** The event names no handler may take, as the reference server reserves them. Stateless. */
final class Reserved {
    private static final Set<String> NAMES =
            Set.of("connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener");

    private Reserved() {
    }

    static boolean is(String event) {
        return NAMES.contains(event);
    }
}
