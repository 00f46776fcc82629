package io.socketee.it.context.app;

import io.socketee.Socket;
import io.socketee.event.OnConnect;
import io.socketee.event.OnDisconnect;
import io.socketee.event.OnEvent;
import io.socketee.event.SocketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Handlers of every kind on "/" that report what they see of the CDI request context: an
 * observer of an event, a lambda listener, and the connect and disconnect observers. A report
 * says whether the context was active and, when it was, the id of the {@link PacketState}
 * instance and how often the handler had read it (two reads each: 2 means one instance
 * throughout the handler), and the handler's thread.
 *
 * <p>Thread-safe: the connect reports are in a concurrent map; the request-scoped bean is
 * reached through its client proxy.
 */
@ApplicationScoped
public class ScopeController {

    @Inject
    PacketState state;

    private final Map<String, Map<String, Object>> onConnect = new ConcurrentHashMap<>();

    void connected(@Observes @OnConnect Socket socket) {
        onConnect.put(socket.id(), report());
        socket.on("lambda", (s, args, ack) -> ack.ifPresent(a -> a.send(report())));
    }

    Map<String, Object> observer(@Observes @OnEvent("observer") SocketEvent e) {
        return report();
    }

    Map<String, Object> connectReport(@Observes @OnEvent("connect-report") SocketEvent e) {
        return onConnect.getOrDefault(e.socket().id(), Map.of("missing", true));
    }

    /** Tells the sockets that remain what the disconnect observer saw. */
    void left(@Observes @OnDisconnect Socket socket) {
        onConnect.remove(socket.id());
        socket.namespace().emit("left", Map.of("socket", socket.id(), "report", report()));
    }

    private Map<String, Object> report() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("thread", Thread.currentThread().getName());
        try {
            String id = state.id();
            state.read();
            report.put("reads", state.read());
            report.put("id", id);
            report.put("active", true);
        } catch (ContextNotActiveException e) {
            report.put("active", false);
        }
        return report;
    }
}
