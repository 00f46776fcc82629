package io.socketee.it.clients;

/**
 * The server the scenarios run against, for the few scenarios whose expectation differs.
 *
 * <p>Immutable and thread-safe.
 */
public enum Target {
    /** The Node.js reference server (src-it/node/reference-server.js). */
    REFERENCE("reference"),
    /** SocketEE's test application. */
    SOCKETEE("socketee");

    private final String id;

    Target(String id) {
        this.id = id;
    }

    /** The name client-scenarios.js takes as --server. */
    public String id() {
        return id;
    }
}
