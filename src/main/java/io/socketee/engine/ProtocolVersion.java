package io.socketee.engine;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Engine.IO protocol revision a client speaks, with the value of its {@code EIO} query
 * parameter. Immutable and thread-safe.
 */
public enum ProtocolVersion {
    /** Revision 3: socket.io-client 2.x (only with {@code socketio.allowEIO3=true}). */
    V3("3"),
    /** Revision 4: socket.io-client 3.x and 4.x. */
    V4("4");

    private final String wireName;

    ProtocolVersion(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The revision as the {@code EIO} query parameter spells it, for example {@code "4"}.
     * @return the revision as the {@code EIO} query parameter spells it, for example {@code "4"}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * The revision spelled {@code wireName}, if there is one.
     * @param wireName the name on the wire
     * @return the revision spelled {@code wireName}, if there is one
     */
    public static Optional<ProtocolVersion> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(v -> v.wireName.equals(wireName)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
