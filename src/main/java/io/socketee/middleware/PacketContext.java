package io.socketee.middleware;

import io.socketee.Ack;
import io.socketee.Socket;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One incoming event packet as packet middleware sees it. Immutable and thread-safe: to change the
 * packet, make a new one with {@link #withEvent} or {@link #withArgs} and pass it on with
 * {@link Middleware#replace}.
 *
 * @param socket the socket the packet came on
 * @param event the event name
 * @param args the arguments, as plain values (see {@link io.socketee.Args}) or, after a change,
 *     any values {@link Socket#emit} accepts
 * @param ack the acknowledgement, when the client asked for one
 */
public record PacketContext(Socket socket, String event, List<Object> args, Optional<Ack> ack) {

    /**
     * Copies the arguments into an unmodifiable list; no component may be null.
     *
     * @param socket see {@link #socket()}
     * @param event see {@link #event()}
     * @param args see {@link #args()}
     * @param ack see {@link #ack()}
     */
    public PacketContext {
        Objects.requireNonNull(socket, "socket");
        Objects.requireNonNull(event, "event");
        args = Collections.unmodifiableList(new java.util.ArrayList<>(args));
        Objects.requireNonNull(ack, "ack");
    }

    /**
     * This packet under another event name.
     * @param newEvent the event name to use
     * @return this packet under another event name
     */
    public PacketContext withEvent(String newEvent) {
        return new PacketContext(socket, newEvent, args, ack);
    }

    /**
     * This packet with other arguments.
     * @param newArgs the arguments to use
     * @return this packet with other arguments
     */
    public PacketContext withArgs(Object... newArgs) {
        return new PacketContext(socket, event, Arrays.asList(newArgs), ack);
    }
}
