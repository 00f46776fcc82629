package io.socketee.it.clients;

/**
 * The client scenarios, each proving one behaviour of the contract with an official client.
 *
 * <p>The ids are the scenario names of {@code src-it/node/client-scenarios.js}; the Java client
 * runs the same scenarios under the same ids. Immutable and thread-safe.
 */
public enum Scenario {
    /** The client opens on, stays on or upgrades to the transport the mode asks for. */
    TRANSPORT("transport"),
    /** Connects to "/", gets an id and sits in its own room. */
    CONNECT_MAIN("connect-main"),
    /** Connects to "/custom" with the token; the handshake shows it. */
    CONNECT_CUSTOM_AUTH("connect-custom-auth"),
    /** "/custom" without the token is refused with "unauthorized" (data {code: 401}). */
    CONNECT_CUSTOM_REFUSED("connect-custom-refused"),
    /** Events and acknowledgements both ways. */
    EVENTS_AND_ACKS("events-and-acks"),
    /** Binary both ways, nested in arrays and objects, in events and acknowledgements. */
    BINARY("binary"),
    /** A room broadcast reaches exactly the room. */
    ROOM_BROADCAST("room-broadcast"),
    /** Broadcasting to others excludes the sender. */
    BROADCAST_OTHERS("broadcast-others"),
    /** disconnect-me(false): the client sees "io server disconnect". */
    SERVER_DISCONNECT_KEEP_CONNECTION("server-disconnect-keep-connection"),
    /** disconnect-me(true): the client sees "io server disconnect". */
    SERVER_DISCONNECT_CLOSE_CONNECTION("server-disconnect-close-connection"),
    /** The server sees a client's disconnect as "client namespace disconnect". */
    CLIENT_DISCONNECT("client-disconnect"),
    /** The server times out a client that stops its heartbeat with "ping timeout". */
    HEARTBEAT_TIMEOUT("heartbeat-timeout");

    private final String id;

    Scenario(String id) {
        this.id = id;
    }

    /** The scenario's name in reports and in client-scenarios.js. */
    public String id() {
        return id;
    }
}
