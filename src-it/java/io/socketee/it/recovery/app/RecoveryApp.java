package io.socketee.it.recovery.app;

import io.socketee.IoServer;
import io.socketee.Socket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Connection state recovery, seen by the application: "join", "set", "broadcast" to a room, and
 * "whoami" answering the socket's id, recovered flag, rooms, data and how often middleware ran.
 *
 * <p>Thread-safe.
 */
@ApplicationScoped
public class RecoveryApp {
    private final AtomicInteger admissions = new AtomicInteger();

    @Inject
    IoServer io;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        io.use(socket -> admissions.incrementAndGet());
        io.onConnection(this::onConnection);
    }

    private void onConnection(Socket socket) {
        socket.on("join", (s, args, ack) -> {
            s.join(args.get(0, String.class));
            ack.ifPresent(a -> a.send("joined"));
        });
        socket.on("set", (s, args, ack) -> {
            s.data().put(args.get(0, String.class), args.get(1));
            ack.ifPresent(a -> a.send("set"));
        });
        socket.on("broadcast", (s, args, ack) -> {
            io.to(args.get(0, String.class)).emit(args.get(1, String.class), args.get(2));
            ack.ifPresent(a -> a.send("sent"));
        });
        socket.on("whoami", (s, args, ack) -> {
            Map<String, Object> me = new LinkedHashMap<>();
            me.put("id", s.id());
            me.put("recovered", s.recovered());
            me.put("rooms", List.copyOf(s.rooms()));
            me.put("data", Map.copyOf(s.data()));
            me.put("admissions", admissions.get());
            ack.ifPresent(a -> a.send(me));
        });
    }
}
