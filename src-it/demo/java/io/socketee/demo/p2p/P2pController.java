package io.socketee.demo.p2p;

import io.socketee.IoServer;
import io.socketee.RemoteSocket;
import io.socketee.Socket;
import io.socketee.demo.envelope.Action;
import io.socketee.demo.envelope.Envelope;
import io.socketee.event.IoNamespace;
import io.socketee.event.OnConnect;
import io.socketee.event.OnDisconnect;
import io.socketee.event.OnEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * The P2P example's controller: an admitted socket joins its room and the room hears the
 * {@code online} roster (egg's middleware code before and after {@code await next()}), and
 * {@code exchange} delivers {@code parseMsg("exchange", payload, {client, target})} to the target
 * socket as an event named by the target's id, as the seed's client listens for.
 *
 * <p>Stateless; thread-safe.
 */
@ApplicationScoped
@IoNamespace(P2pController.NAMESPACE)
public class P2pController {
    /** The namespace of the example. */
    public static final String NAMESPACE = "/p2p";

    @Inject
    IoServer io;

    void joined(@Observes @OnConnect Socket socket) {
        Admission.room(socket).ifPresent(room -> {
            socket.join(room);
            roster(socket, room, "join", "joined.");
        });
    }

    void left(@Observes @OnDisconnect Socket socket) {
        Admission.room(socket).ifPresent(room -> roster(socket, room, "leave", "leaved."));
    }

    /**
     * Delivers the payload to the socket {@code target}, only to it (the seed broadcast it to the
     * whole namespace under the target's id as event name; here it goes to the target's own room).
     * Answers whether a target was given.
     */
    boolean exchange(@Observes @OnEvent("exchange") ExchangeRequest message, Socket socket) {
        if (message == null || message.target() == null || message.target().isBlank()) {
            return false;
        }
        Envelope msg = Envelope.parseMsg(Action.EXCHANGE, message.payload(), socket.id(), message.target(),
                System.currentTimeMillis());
        io.of(NAMESPACE).to(message.target()).emit(message.target(), msg);
        return true;
    }

    private void roster(Socket socket, String room, String action, String verb) {
        io.of(NAMESPACE).in(room).fetchSockets().thenAccept(found -> {
            List<String> clients = new ArrayList<>(found.stream().map(RemoteSocket::id).toList());
            clients.remove(socket.id());
            if (action.equals("join")) {
                clients.add(socket.id());
            }
            io.of(NAMESPACE).to(room).emit("online",
                    new Online(clients, action, "participator", "User(" + socket.id() + ") " + verb));
        });
    }
}
