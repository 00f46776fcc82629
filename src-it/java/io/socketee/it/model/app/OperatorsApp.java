package io.socketee.it.model.app;

import io.socketee.Ack;
import io.socketee.AckTimeoutException;
import io.socketee.Args;
import io.socketee.BroadcastOperator;
import io.socketee.IoServer;
import io.socketee.Namespace;
import io.socketee.RemoteSocket;
import io.socketee.Socket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * The broadcast operators, catch-all listeners and dynamic namespaces, driven by clients of
 * {@code src-it/node/model-scenarios.js} through the "/ops" namespace: an {@code op} event
 * describes an operator (rooms, except, flags) and a final call, and the acknowledgement carries
 * its outcome.
 *
 * <p>Thread-safe: no state of its own beyond each socket's data.
 */
@ApplicationScoped
public class OperatorsApp {
    @Inject
    IoServer io;

    private volatile Namespace dynamic;

    /** Registers the namespaces when the application starts. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        Namespace ops = io.of("/ops");
        ops.onConnection(this::onOps);
        dynamic = io.of(Pattern.compile("^/dyn-[a-z0-9]+$"));
        dynamic.onConnection(s -> s.on("whoami", (sock, args, ack) ->
                ack.ifPresent(a -> a.send(sock.namespace().name()))));
    }

    private void onOps(Socket socket) {
        List<String> incoming = new CopyOnWriteArrayList<>();
        List<String> outgoing = new CopyOnWriteArrayList<>();
        socket.onAny((s, event, args, ack) -> incoming.add(event));
        socket.onAnyOutgoing((s, event, args) -> outgoing.add(event));
        socket.on("catch-all", (s, args, ack) -> ack.ifPresent(a -> a.send(List.copyOf(incoming), List.copyOf(outgoing))));
        socket.on("join", (s, args, ack) -> {
            s.join(args.get(0, String.class));
            ack.ifPresent(a -> a.send("joined"));
        });
        socket.on("set-data", (s, args, ack) -> {
            s.data().put(args.get(0, String.class), args.get(1));
            ack.ifPresent(a -> a.send("set"));
        });
        socket.on("op", (s, args, ack) -> op(s, args.get(0, OpSpec.class), ack.orElseThrow()));
    }

    /**
     * One operator call.
     *
     * @param nsp the namespace to act on ("/ops" by default; "parent" for the dynamic namespace)
     * @param call emit, emitWithAck, fetchSockets, remoteEmit, remoteAsk, socketsJoin, socketsLeave,
     *     disconnectSockets, serverSideEmitWithAck; emitVolatileToSelf (the calling socket's own
     *     volatile emit, answering whether it was sent)
     */
    public record OpSpec(String nsp, String call, List<String> rooms, List<String> except, Boolean volatileFlag,
            Long timeout, String event, List<Object> args, Boolean close) {
    }

    private void op(Socket socket, OpSpec spec, Ack ack) {
        Namespace nsp = "parent".equals(spec.nsp()) ? dynamic : io.of(spec.nsp() == null ? "/ops" : spec.nsp());
        BroadcastOperator op = nsp;
        if (spec.rooms() != null) {
            op = op.to(spec.rooms());
        }
        if (spec.except() != null) {
            op = op.except(spec.except());
        }
        if (Boolean.TRUE.equals(spec.volatileFlag())) {
            op = op.asVolatile();
        }
        if (spec.timeout() != null) {
            op = op.timeout(Duration.ofMillis(spec.timeout()));
        }
        Object[] args = spec.args() == null ? new Object[0] : spec.args().toArray();
        switch (spec.call()) {
            case "emit" -> {
                op.emit(spec.event(), args);
                ack.send("done");
            }
            case "emitWithAck" -> op.emitWithAck(spec.event(), args).whenComplete((answers, failure) ->
                    ack.send(outcome(answers, failure)));
            case "fetchSockets" -> op.fetchSockets().thenAccept(found -> ack.send(describe(found)));
            case "remoteEmit" -> op.fetchSockets().thenAccept(found -> {
                found.forEach(r -> r.emit(spec.event(), r.id()));
                ack.send(found.size());
            });
            case "remoteAsk" -> op.fetchSockets().thenAccept(found -> found.get(0)
                    .emitWithAck(Duration.ofSeconds(5), spec.event()).whenComplete((answer, failure) ->
                            ack.send(failure == null ? answer.get(0) : "failed")));
            case "socketsJoin" -> {
                op.socketsJoin(spec.event());
                ack.send("done");
            }
            case "socketsLeave" -> {
                op.socketsLeave(spec.event());
                ack.send("done");
            }
            case "disconnectSockets" -> {
                op.disconnectSockets(Boolean.TRUE.equals(spec.close()));
                ack.send("done");
            }
            case "emitVolatileToSelf" -> ack.send(socket.asVolatile().emit(spec.event(), args));
            case "serverSideEmitWithAck" -> nsp.serverSideEmitWithAck(Duration.ofSeconds(1), spec.event())
                    .thenAccept(answers -> ack.send(answers));
            default -> ack.send("unknown call " + spec.call());
        }
    }

    private static Map<String, Object> outcome(List<Args> answers, Throwable failure) {
        Map<String, Object> result = new LinkedHashMap<>();
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        List<Args> got = cause instanceof AckTimeoutException t ? t.responses() : answers;
        result.put("error", cause == null ? null : cause.getMessage());
        List<Object> firsts = new ArrayList<>();
        if (got != null) {
            got.forEach(a -> firsts.add(a.isEmpty() ? null : a.get(0)));
        }
        result.put("responses", firsts);
        return result;
    }

    private static List<Map<String, Object>> describe(List<RemoteSocket> found) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (RemoteSocket r : found) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("rooms", List.copyOf(r.rooms()));
            m.put("data", r.data());
            m.put("auth", r.handshake().auth());
            list.add(m);
        }
        return list;
    }
}
