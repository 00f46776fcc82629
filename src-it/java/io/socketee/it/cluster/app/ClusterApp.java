package io.socketee.it.cluster.app;

import io.socketee.Ack;
import io.socketee.BroadcastOperator;
import io.socketee.IoServer;
import io.socketee.RemoteSocket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The cluster contract of {@code src-it/node/cluster-node.js}, on SocketEE: each event a client
 * sends runs one cluster-wide operation of {@link IoServer} and acknowledges its result, so the
 * same scenario script drives a SocketEE node and a Node.js node alike.
 *
 * <p>Thread-safe: stateless apart from the injected server and the node's name.
 */
@ApplicationScoped
public class ClusterApp {

    @Inject
    IoServer io;

    @Inject
    @ConfigProperty(name = "it.node.name")
    String node;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        io.onServerSideEmit("hello", (args, ack) -> ack.ifPresent(a -> a.send(node + " hears " + args.get(0))));
        io.onConnection(socket -> {
            socket.on("whoami", (s, args, ack) -> reply(ack, node));
            socket.on("state", (s, args, ack) -> {
                Map<String, Object> state = new LinkedHashMap<>();
                state.put("node", node);
                state.put("recovered", s.recovered());
                state.put("rooms", List.copyOf(s.rooms()));
                state.put("data", Map.copyOf(s.data()));
                reply(ack, state);
            });
            socket.on("join", (s, args, ack) -> {
                s.join(String.valueOf(args.get(0)));
                reply(ack, "ok");
            });
            socket.on("set-data", (s, args, ack) -> {
                s.data().put(String.valueOf(args.get(0)), args.get(1));
                reply(ack, "ok");
            });
            socket.on("emit", (s, args, ack) -> {
                Map<?, ?> spec = (Map<?, ?>) args.get(0);
                List<?> payload = spec.get("args") instanceof List<?> l ? l : List.of();
                target(spec).emit(String.valueOf(spec.get("event")), payload.toArray());
                reply(ack, "ok");
            });
            socket.on("emit-ack", (s, args, ack) -> {
                Map<?, ?> spec = (Map<?, ?>) args.get(0);
                target(spec).timeout(Duration.ofMillis(((Number) spec.get("timeout")).longValue()))
                        .emitWithAck("question")
                        .whenComplete((answers, failure) -> {
                            if (failure != null) {
                                reply(ack, Map.of("error", String.valueOf(failure.getMessage())));
                            } else {
                                List<Object> firsts = new ArrayList<>();
                                answers.forEach(a -> firsts.add(a.isEmpty() ? null : a.get(0)));
                                reply(ack, firsts);
                            }
                        });
            });
            socket.on("fetch", (s, args, ack) -> target((Map<?, ?>) args.get(0)).fetchSockets()
                    .whenComplete((found, failure) -> reply(ack, failure != null
                            ? Map.of("error", String.valueOf(failure.getMessage())) : describe(found))));
            socket.on("sockets-join", (s, args, ack) -> {
                Map<?, ?> spec = (Map<?, ?>) args.get(0);
                target(spec).socketsJoin(String.valueOf(spec.get("join")));
                reply(ack, "ok");
            });
            socket.on("sockets-leave", (s, args, ack) -> {
                Map<?, ?> spec = (Map<?, ?>) args.get(0);
                target(spec).socketsLeave(String.valueOf(spec.get("leave")));
                reply(ack, "ok");
            });
            socket.on("disconnect-sockets", (s, args, ack) -> {
                target((Map<?, ?>) args.get(0)).disconnectSockets(true);
                reply(ack, "ok");
            });
            socket.on("server-side", (s, args, ack) -> io.serverSideEmitWithAck(Duration.ofSeconds(3), "hello", node)
                    .whenComplete((answers, failure) -> reply(ack, failure != null
                            ? Map.of("error", String.valueOf(failure.getMessage())) : answers)));
            socket.on("all-rooms", (s, args, ack) -> io.allRooms().whenComplete((rooms, failure) -> reply(ack,
                    failure != null ? Map.of("error", String.valueOf(failure.getMessage())) : List.copyOf(rooms))));
        });
    }

    /** {@code io}, narrowed by the spec's {@code room} and {@code except} when present. */
    private BroadcastOperator target(Map<?, ?> spec) {
        BroadcastOperator op = io;
        if (spec.get("room") != null) {
            op = op.to(String.valueOf(spec.get("room")));
        }
        if (spec.get("except") != null) {
            op = op.except(String.valueOf(spec.get("except")));
        }
        return op;
    }

    private static List<Map<String, Object>> describe(List<RemoteSocket> found) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RemoteSocket r : found) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("rooms", List.copyOf(r.rooms()));
            m.put("data", r.data());
            m.put("query", r.handshake().query());
            out.add(m);
        }
        return out;
    }

    private static void reply(Optional<Ack> ack, Object value) {
        ack.ifPresent(a -> a.send(value));
    }
}
