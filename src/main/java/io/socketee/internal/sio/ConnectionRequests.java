package io.socketee.internal.sio;

import io.socketee.ConnectionRequest;
import io.socketee.internal.engine.HandshakeRequest;

/** The public view of the engine's requests. Stateless, thread-safe. */
public final class ConnectionRequests {

    private ConnectionRequests() {
    }

    /** The {@link ConnectionRequest} of an engine request. */
    public static ConnectionRequest of(HandshakeRequest r) {
        return new ConnectionRequest(r.url(), r.query(), r.headers(), r.remoteAddress(), r.secure(),
                r.caller().principal(), r.caller().roles());
    }
}
