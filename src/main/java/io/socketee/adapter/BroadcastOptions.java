package io.socketee.adapter;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which sockets of a namespace a broadcast reaches, and how: the reference's
 * {@code BroadcastOptions} ({@code rooms}, {@code except}, {@code flags}). Immutable and
 * thread-safe.
 *
 * @param rooms the rooms targeted; empty targets every socket
 * @param except the rooms whose sockets are left out
 * @param local whether only this server's sockets are targeted (no effect on a single server)
 * @param volatileDelivery whether a recipient whose transport cannot write right now is skipped
 *     (the reference's {@code volatile} flag)
 * @param compress the reference's {@code compress} flag; carried along to other servers, it
 *     changes nothing on this one (docs/configuration.md, "Compression")
 * @param timeout how long acknowledgements are awaited, when set
 */
public record BroadcastOptions(Set<String> rooms, Set<String> except, boolean local, boolean volatileDelivery,
        boolean compress, Optional<Duration> timeout) {

    /** Every socket of the namespace. */
    public static final BroadcastOptions ALL = new BroadcastOptions(Set.of(), Set.of(), false);

    /**
     * Copies the room sets into unmodifiable ones, keeping their order; {@code timeout} must not be null.
     *
     * @param rooms see {@link #rooms()}
     * @param except see {@link #except()}
     * @param local see {@link #local()}
     * @param volatileDelivery see {@link #volatileDelivery()}
     * @param compress see {@link #compress()}
     * @param timeout see {@link #timeout()}
     */
    public BroadcastOptions {
        rooms = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(rooms));
        except = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(except));
        Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Options with only rooms, except and local set: reliable, compressed, no timeout.
     * @param rooms the rooms
     * @param except the rooms whose sockets are left out
     * @param local whether to reach this server's sockets only
     */
    public BroadcastOptions(Set<String> rooms, Set<String> except, boolean local) {
        this(rooms, except, local, false, true, Optional.empty());
    }

    /**
     * These options for other rooms and exceptions, flags unchanged.
     * @param newRooms the rooms to target (empty: every socket)
     * @param newExcept the rooms to leave out
     * @return new options; these are unchanged
     */
    public BroadcastOptions withRooms(Set<String> newRooms, Set<String> newExcept) {
        return new BroadcastOptions(newRooms, newExcept, local, volatileDelivery, compress, timeout);
    }

    /**
     * These options with {@code local} set as given, the rest unchanged.
     * @param newLocal whether to reach this server's sockets only
     * @return new options; these are unchanged
     */
    public BroadcastOptions withLocal(boolean newLocal) {
        return new BroadcastOptions(rooms, except, newLocal, volatileDelivery, compress, timeout);
    }

    /**
     * These options with the {@code volatile} flag ({@link #volatileDelivery()}) set as given, the rest unchanged.
     * @param newVolatile whether the packet may be dropped for a client that cannot take it now
     * @return new options; these are unchanged
     */
    public BroadcastOptions withVolatile(boolean newVolatile) {
        return new BroadcastOptions(rooms, except, local, newVolatile, compress, timeout);
    }

    /**
     * These options with {@code compress} set as given, the rest unchanged.
     * @param newCompress whether to compress
     * @return new options; these are unchanged
     */
    public BroadcastOptions withCompress(boolean newCompress) {
        return new BroadcastOptions(rooms, except, local, volatileDelivery, newCompress, timeout);
    }

    /**
     * These options with another acknowledgement timeout (empty for none), the rest unchanged.
     * @param newTimeout how long to wait for acknowledgements, or empty for no limit
     * @return new options; these are unchanged
     */
    public BroadcastOptions withTimeout(Optional<Duration> newTimeout) {
        return new BroadcastOptions(rooms, except, local, volatileDelivery, compress, newTimeout);
    }
}
