package io.socketee.demo.p2p;

import java.util.Set;

/**
 * The rooms clients of the P2P example may enter (egg's {@code app.redis.get("room:" + room)}).
 * The demo's bean is {@link InMemoryRoomRegistry}; a Redis-backed registry shared by every node
 * would implement this interface and be selected as a CDI {@code @Alternative}.
 *
 * <p>Implementations must be thread-safe: the middleware asks from many clients' threads.
 */
public interface RoomRegistry {

    /** Whether {@code room} exists; false for null. */
    boolean exists(String room);

    /** Creates {@code room}; returns false when it existed already. */
    boolean create(String room);

    /** Deletes {@code room} (clients already in it stay); returns false when it did not exist. */
    boolean delete(String room);

    /** A snapshot of the existing rooms. */
    Set<String> rooms();
}
