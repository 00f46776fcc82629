package io.socketee.bench.load;

/** What a scenario hears from its clients; called on the {@link Loop} thread. */
interface Listener {
    /** The client is connected (Socket.IO: the CONNECT answer arrived; polling: the room is joined). */
    default void onReady(Client client) {
    }

    /**
     * An acknowledgement arrived.
     *
     * @param stamp the {@link System#nanoTime()} carried by the echoed payload, or -1 (the join's "ok")
     */
    default void onAck(Client client, long stamp) {
    }

    /** A {@code fan} message arrived, with the send time and sequence number of its broadcast. */
    default void onFan(Client client, long stamp, long seq) {
    }

    /** The connection failed or the server closed it. */
    default void onFailed(Client client, String why) {
    }
}
