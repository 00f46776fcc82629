package io.socketee.it.model.app;

import io.socketee.DisconnectReason;
import io.socketee.IoException;
import io.socketee.Socket;
import io.socketee.event.IoNamespace;
import io.socketee.event.OnConnect;
import io.socketee.event.OnDisconnect;
import io.socketee.event.OnError;
import io.socketee.event.OnEvent;
import io.socketee.event.SocketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javax.naming.InitialContext;

/**
 * Handlers as CDI observers on "/ctl": typed arguments, results answering acknowledgements,
 * failures contained, lifecycle events, and the application's context on the handler thread.
 *
 * <p>Thread-safe: its only state is the injected roster.
 */
@ApplicationScoped
@IoNamespace("/ctl")
public class ChatController {

    /** A typed argument, mapped by JSON-B. */
    public record Point(int x, int y) {
    }

    @Inject
    Roster roster;

    void welcome(@Observes @OnConnect Socket socket) {
        socket.emit("welcome", socket.id());
    }

    String add(@Observes @OnEvent("add") Point p, int factor) {
        return "sum=" + (p.x() + p.y()) * factor;
    }

    CompletionStage<List<String>> later(@Observes @OnEvent("later") SocketEvent e, String word) {
        return CompletableFuture.supplyAsync(() -> List.of(word, word));
    }

    String boom(@Observes @OnEvent("boom") SocketEvent e) {
        throw new IllegalStateException("internal detail");
    }

    String refuse(@Observes @OnEvent("refuse") SocketEvent e) {
        throw new IoException("not allowed");
    }

    void failed(@Observes @OnError SocketEvent e, Throwable error) {
        e.socket().emit("handler-error", e.name());
    }

    /** Whether CDI and JNDI work on the handler's thread (the application's context). */
    String context(@Observes @OnEvent("context") SocketEvent e) throws Exception {
        boolean cdi = CDI.current().select(Roster.class).get() != null;
        boolean jndi = new InitialContext().lookup("java:comp/DefaultManagedExecutorService") != null;
        return "cdi=" + cdi + " jndi=" + jndi;
    }

    /** The logged-in user of the handshake's HTTP session, as a parameter and through the socket. */
    String sessionUser(@Observes @OnEvent("session-user") SocketEvent e, jakarta.servlet.http.HttpSession session) {
        Object viaSocket = e.socket().httpSession().map(s -> s.getAttribute("user")).orElse("none");
        // Open Liberty may hand a WebSocket handshake a new, empty session: no user either way
        Object viaParameter = session == null || session.getAttribute("user") == null ? "none" : session.getAttribute("user");
        return viaParameter + "/" + viaSocket;
    }

    void left(@Observes @OnDisconnect Socket socket, DisconnectReason reason) {
        roster.left(socket.id(), reason.wireName());
    }

    List<String> departures(@Observes @OnEvent("departures") SocketEvent e) {
        return roster.departures();
    }
}
