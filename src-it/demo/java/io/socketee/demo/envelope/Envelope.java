package io.socketee.demo.envelope;

/**
 * egg's message envelope {@code {meta:{timestamp,client,target,...}, data:{action,payload}}}, the
 * shape of every message of the P2P and push examples. Immutable; JSON-B leaves out null fields.
 *
 * @param meta who sent it, to whom, and when
 * @param data what it is and what it carries
 */
public record Envelope(Meta meta, Data data) {

    /**
     * The header of an envelope.
     *
     * @param timestamp milliseconds since the epoch when it was built
     * @param client the socket id of the sender, or null when it came from the HTTP API
     * @param target the socket id it is addressed to, or null
     * @param userId the user id it concerns (push example), or null
     * @param app the application that pushed it over HTTP (push example), or null
     */
    public record Meta(Long timestamp, String client, String target, String userId, String app) {
    }

    /**
     * The body of an envelope.
     *
     * @param action the action's wire name (see {@link Action})
     * @param payload anything JSON-B can write, or null
     */
    public record Data(String action, Object payload) {
    }

    /**
     * egg's {@code helper.parseMsg(action, payload, {client, target})}: an envelope stamped now.
     *
     * @param timestamp milliseconds since the epoch (the caller's clock)
     */
    public static Envelope parseMsg(Action action, Object payload, String client, String target, long timestamp) {
        return new Envelope(new Meta(timestamp, client, target, null, null), new Data(action.wire(), payload));
    }

    /** The same envelope with a user id and application in its header. */
    public Envelope withUser(String userId, String app) {
        return new Envelope(new Meta(meta.timestamp(), meta.client(), meta.target(), userId, app), data);
    }
}
