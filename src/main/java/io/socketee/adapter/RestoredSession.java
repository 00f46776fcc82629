package io.socketee.adapter;

import java.util.List;

/**
 * A recovered session: the snapshot and the event packets the socket missed, in order, each with
 * its offset as its last argument. Immutable and thread-safe.
 *
 * @param session the socket's state when it dropped
 * @param missed the events it missed
 */
public record RestoredSession(SessionSnapshot session, List<Packet> missed) {

    public RestoredSession {
        java.util.Objects.requireNonNull(session, "session");
        missed = List.copyOf(missed);
    }
}
