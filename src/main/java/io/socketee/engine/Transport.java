package io.socketee.engine;

import java.util.Arrays;
import java.util.Optional;

/**
 * The transport an {@link EngineIoConnection} currently uses, with the name the Engine.IO
 * protocol gives it (the {@code transport} query parameter, the {@code upgrades} list). Immutable
 * and thread-safe.
 */
public enum Transport {
    /** HTTP long-polling. */
    POLLING("polling"),
    /** WebSocket. */
    WEBSOCKET("websocket");

    private final String wireName;

    Transport(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The transport as the protocol spells it, for example {@code "polling"}.
     * @return the transport as the protocol spells it, for example {@code "polling"}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * The transport spelled {@code wireName}, if there is one.
     * @param wireName the name on the wire
     * @return the transport spelled {@code wireName}, if there is one
     */
    public static Optional<Transport> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
