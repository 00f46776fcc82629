package io.socketee.it.model.app;

import io.socketee.IoServer;
import io.socketee.Socket;
import io.socketee.event.IoNamespace;
import io.socketee.event.OnDisconnect;
import io.socketee.event.OnEvent;
import io.socketee.event.SocketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * egg-socket.io's example controller on "/egg": the p2p {@code exchange} (egg's
 * {@code io.of('/').route('exchange', ...)}), plus an echo that shows packet middleware changes
 * and the middleware chain a socket went through.
 *
 * <p>Stateless apart from injected beans; thread-safe.
 */
@ApplicationScoped
@IoNamespace("/egg")
public class NspController {
    @Inject
    IoServer io;

    void exchange(@Observes @OnEvent("exchange") Map<String, Object> message, Socket socket) {
        String target = String.valueOf(message.get("target"));
        io.of("/egg").emit(target, Messages.parse("exchange", message.get("payload"),
                Map.of("client", socket.id(), "target", target)));
    }

    String echo(@Observes @OnEvent("echo") String text) {
        return text;
    }

    Object chain(@Observes @OnEvent("chain") SocketEvent e) {
        return e.socket().data().get("chain");
    }

    void disconnect(@Observes @OnDisconnect Socket socket) {
        // egg's "disconnect" system event: the auth middleware's code after proceeding does the roster
    }
}
