package io.socketee.demo.envelope;

import java.util.Arrays;
import java.util.Optional;

/**
 * The action constants of the egg-socket.io examples, spelled on the wire as the seeds spell them
 * ({@code data.action} of an {@link Envelope}). Immutable.
 */
public enum Action {
    /** Client to server: register my user id with this socket; answered by {@link #SAVE_ID}. */
    REQUEST_ID("requestId"),
    /** Server to client: the socket id and user id now registered. */
    SAVE_ID("saveId"),
    /** Client to server: deliver my payload to the socket in {@code meta.target}. */
    SEND_TO_OTHERS("sendToOthers"),
    /** Client to server, after a reconnect: my user id now lives on this new socket. */
    RE_CONNECT_AND_UPDATES("reconnect-and-update"),
    /** Server to client: the user id was moved to the new socket. */
    RE_CONNECT_UPDATED("reconnect-updated"),
    /** Server to client: refused (unknown room, malformed or unknown request). */
    DENY("deny"),
    /** Server to client: a payload from another client (or from the HTTP push API). */
    EXCHANGE("exchange"),
    /** Server to client: a payload for everybody. */
    BROADCAST("broadcast");

    private final String wire;

    Action(String wire) {
        this.wire = wire;
    }

    /** The name on the wire, e.g. {@code "reconnect-and-update"}. */
    public String wire() {
        return wire;
    }

    /** The action named {@code wire} on the wire, if there is one. */
    public static Optional<Action> fromWire(String wire) {
        return Arrays.stream(values()).filter(a -> a.wire.equals(wire)).findFirst();
    }
}
