package io.socketee.it.app;

import io.socketee.Ack;
import io.socketee.Args;
import io.socketee.IoServer;
import io.socketee.Namespace;
import io.socketee.RejectedException;
import io.socketee.Socket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The integration-test contract of {@code src-it/node/reference-server.js}, on "/" and "/custom",
 * written with the public API: the same events, the same admission rule, the same answers. One
 * event is SocketEE's only: {@code setting(key)} answers the deployment's configuration value, so
 * that a test of a configuration variant can prove the variant is deployed; and the events of
 * {@link FloodProbe}, for the slow-consumer tests.
 *
 * <p>Thread-safe: the only state is a concurrent map of disconnect reasons.
 */
@ApplicationScoped
public class ContractApp {
    /** The last reason the server saw for each socket id, as the reference keeps them. */
    private final Map<String, String> reasons = new ConcurrentHashMap<>();

    @Inject
    IoServer io;

    /** Registers the contract when the application starts. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        contract(io.of("/"));
        Namespace custom = io.of("/custom");
        custom.use(ContractApp::requireSecret);
        contract(custom);
        // a namespace of MetricsIT's own, so that its gauge counts only that test's sockets
        contract(io.of("/metrics-it"));
    }

    /** Admits a socket only with the token "secret": from the auth payload, else from the query. */
    private static void requireSecret(Socket socket) {
        Object fromAuth = socket.handshake().auth().get("token");
        Object token = truthy(fromAuth) ? fromAuth : socket.handshake().query().get("token");
        if (!"secret".equals(token)) {
            throw new RejectedException("unauthorized", Map.of("code", 401));
        }
    }

    private void contract(Namespace nsp) {
        nsp.onConnection(socket -> {
            socket.onDisconnect((s, reason) -> reasons.put(s.id(), reason.wireName()));
            socket.on("echo", ContractApp::echo);
            socket.on("emit-back", (s, args, ack) -> s.emit(string(args, 0), rest(args, 1)));
            socket.on("ask", ContractApp::ask);
            // SocketEE only: ask-within(ms, event, ...args, ack) acknowledges "answered" or "timeout"
            socket.on("ask-within", (s, args, ack) -> s.emitWithAck(
                    java.time.Duration.ofMillis(((Number) arg(args, 0)).longValue()), string(args, 1), rest(args, 2))
                    .whenComplete((answer, failure) -> ack.ifPresent(a -> a.send(failure == null ? "answered" : "timeout"))));
            socket.on("join", (s, args, ack) -> {
                s.join(string(args, 0));
                ack.ifPresent(a -> a.send("joined"));
            });
            socket.on("leave", (s, args, ack) -> {
                s.leave(string(args, 0));
                ack.ifPresent(a -> a.send("left"));
            });
            socket.on("rooms", (s, args, ack) -> ack.ifPresent(a -> a.send(List.copyOf(s.rooms()))));
            socket.on("broadcast", (s, args, ack) -> {
                Object room = arg(args, 0);
                if (room == null) {
                    nsp.emit(string(args, 1), rest(args, 2));
                } else {
                    nsp.to(String.valueOf(room)).emit(string(args, 1), rest(args, 2));
                }
            });
            socket.on("broadcast-others", (s, args, ack) -> {
                Object room = arg(args, 0);
                (room == null ? s.broadcast() : s.to(String.valueOf(room))).emit(string(args, 1), rest(args, 2));
            });
            socket.on("disconnect-me", (s, args, ack) -> s.disconnect(Boolean.TRUE.equals(arg(args, 0))));
            socket.on("last-disconnect", (s, args, ack) ->
                    ack.ifPresent(a -> a.send(reasons.get(String.valueOf(arg(args, 0))))));
            socket.on("handshake", (s, args, ack) -> ack.ifPresent(a -> a.send(handshake(s, nsp))));
            socket.on("setting", (s, args, ack) -> ack.ifPresent(a -> a.send(
                    ConfigProvider.getConfig().getOptionalValue(string(args, 0), String.class).orElse(null))));
            FloodProbe.install(nsp, socket);
        });
    }

    /** echo(...args, ack?): the arguments back as the acknowledgement, else as an "echo" event. */
    private static void echo(Socket socket, Args args, Optional<Ack> ack) {
        if (ack.isPresent()) {
            ack.get().send(args.toArray());
        } else {
            socket.emit("echo", args.toArray());
        }
    }

    /** ask(event, ...args, ack): asks the client, then acknowledges with its answer. */
    private static void ask(Socket socket, Args args, Optional<Ack> ack) {
        socket.emitWithAck(string(args, 0), rest(args, 1))
                .thenAccept(answer -> ack.ifPresent(a -> a.send(answer.toArray())));
    }

    private static Map<String, Object> handshake(Socket socket, Namespace nsp) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("auth", socket.handshake().auth());
        result.put("token", socket.handshake().query().get("token"));
        result.put("nsp", nsp.name());
        return result;
    }

    private static Object arg(Args args, int index) {
        return index < args.size() ? args.get(index) : null;
    }

    private static String string(Args args, int index) {
        return String.valueOf(arg(args, index));
    }

    private static Object[] rest(Args args, int from) {
        return from < args.size() ? args.subList(from, args.size()).toArray() : new Object[0];
    }

    /** JavaScript truthiness, for the reference's {@code auth.token || query.token}. */
    private static boolean truthy(Object value) {
        if (value == null || Boolean.FALSE.equals(value) || "".equals(value)) {
            return false;
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return d != 0 && !Double.isNaN(d);
        }
        return true;
    }
}
