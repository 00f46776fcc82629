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

    /**
     * Copies the missed packets into an unmodifiable list; {@code session} must not be null.
     *
     * @param session see {@link #session()}
     * @param missed see {@link #missed()}
     */
    public RestoredSession {
        java.util.Objects.requireNonNull(session, "session");
        missed = List.copyOf(missed);
    }
}
