package io.socketee.bench.app;

import io.socketee.Args;
import io.socketee.IoServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The benchmark contract of issue 7 on the main namespace, as {@code src-it/bench/node/socketio-server.js}
 * implements it on the Node.js reference server: {@code echo(payload)} acknowledges with the
 * payload, {@code join(room)} joins and acknowledges with {@code "ok"}, {@code fanout(room, payload)}
 * emits {@code fan(payload)} to the room, the sender included.
 *
 * <p>Stateless and thread-safe.
 */
@ApplicationScoped
public class BenchApp {
    @Inject
    IoServer io;

    /** Registers the contract when the application starts. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        io.onConnection(socket -> {
            socket.on("echo", (s, args, ack) -> ack.ifPresent(a -> a.send(arg(args, 0))));
            socket.on("join", (s, args, ack) -> {
                s.join(String.valueOf(arg(args, 0)));
                ack.ifPresent(a -> a.send("ok"));
            });
            socket.on("fanout", (s, args, ack) ->
                    io.to(String.valueOf(arg(args, 0))).emit("fan", arg(args, 1)));
        });
    }

    private static Object arg(Args args, int index) {
        return index < args.size() ? args.get(index) : null;
    }
}
