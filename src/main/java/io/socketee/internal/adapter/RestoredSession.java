package io.socketee.internal.adapter;

import io.socketee.internal.protocol.json.Json;
import java.util.List;

/**
 * A recovered session: the snapshot and the event packets the socket missed, each an EVENT's
 * data with its offset last, in order. Immutable and thread-safe.
 *
 * @param session the socket's state when it dropped
 * @param missed the data arrays of the missed events
 */
public record RestoredSession(SessionSnapshot session, List<Json.Arr> missed) {

    public RestoredSession {
        missed = List.copyOf(missed);
    }
}
