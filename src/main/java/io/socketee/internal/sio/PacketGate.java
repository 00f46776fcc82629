package io.socketee.internal.sio;

import io.socketee.Ack;
import io.socketee.Args;
import io.socketee.Socket;
import java.util.List;
import java.util.Optional;

/**
 * What every incoming event of a namespace passes before its listeners: the hook packet
 * middleware are installed on. Implementations are thread-safe; they run on the client's listener
 * thread.
 */
@FunctionalInterface
public interface PacketGate {

    /**
     * Lets the event through by calling {@code delivery} (with the same or other values), or drops
     * it by not calling it.
     *
     * @throws io.socketee.RejectedException to drop it and tell the client why
     * @throws Exception any other failure drops it; it is logged and the client told
     *     "Internal server error"
     */
    void dispatch(Socket socket, String event, Args args, Optional<Ack> ack, Delivery delivery) throws Exception;

    /** Hands an event to the socket's listeners. */
    @FunctionalInterface
    interface Delivery {

        /** Delivers {@code event} with {@code args} (an {@link Args} as received, or new values). */
        void deliver(String event, List<Object> args);
    }
}
