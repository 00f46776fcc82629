package io.socketee.adapter;

import io.socketee.Args;

/**
 * Collects the acknowledgements of one broadcast: the reference's pair of callbacks given to
 * {@code broadcastWithAck}. Implementations are thread-safe: calls come from any thread.
 */
public interface BroadcastAck {

    /**
     * {@code count} more recipients were sent the packet (called once per server).
     * @param count how many recipients that server sent the packet to
     */
    void expect(int count);

    /**
     * One recipient answered.
     * @param answer the recipient's answer
     */
    void answered(Args answer);

    /** One recipient left before answering: its answer will never come. */
    void lost();
}
