package io.socketee.adapter;

import java.util.List;
import java.util.OptionalLong;

/**
 * An event on its way through an {@link Adapter}: what a broadcast sends to each socket it
 * selects. The server makes packets; an adapter passes them on, or makes one from another
 * server's data with {@link AdapterHost#event} and {@link AdapterHost#eventWithAck}. A packet
 * the server made is encoded once, on its first delivery, whatever the number of recipients.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface Packet {

    /**
     * The namespace the packet belongs to, starting with {@code /}.
     * @return the namespace the packet belongs to, starting with {@code /}
     */
    String namespace();

    /**
     * The event name then its arguments, as the plain values {@link io.socketee.Args} describes
     * ({@code String}, {@code Long} or {@code Double}, {@code Boolean}, {@code null}, maps, lists,
     * {@code byte[]} for binary): the form an adapter serialises to reach other servers. The list
     * is unmodifiable and computed on the first call; its {@code byte[]} are shared by every caller,
     * not to be changed.
     * @return the event name then its arguments, as the plain values {@link io.socketee.Args} describes
     *     ({@code String}, {@code Long} or {@code Double}, {@code Boolean}, {@code null}, maps, lists, {@code
     *     byte[]} for binary): the form an adapter serialises to reach other servers
     */
    List<Object> data();

    /**
     * The acknowledgement id, when the packet asks for acknowledgements (a broadcast with acks).
     * @return the acknowledgement id, when the packet asks for acknowledgements (a broadcast with acks)
     */
    OptionalLong ackId();
}
