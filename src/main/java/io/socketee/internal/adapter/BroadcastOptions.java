package io.socketee.internal.adapter;

import java.util.Set;

/**
 * Which sockets of a namespace a broadcast reaches. Immutable and thread-safe.
 *
 * @param rooms the rooms targeted; empty targets every socket
 * @param except the rooms whose sockets are left out
 * @param local whether only this server's sockets are targeted (no effect on a single server)
 */
public record BroadcastOptions(Set<String> rooms, Set<String> except, boolean local) {

    /** Every socket of the namespace. */
    public static final BroadcastOptions ALL = new BroadcastOptions(Set.of(), Set.of(), false);

    public BroadcastOptions {
        rooms = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(rooms));
        except = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(except));
    }
}
