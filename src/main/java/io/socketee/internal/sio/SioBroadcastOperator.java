package io.socketee.internal.sio;

import io.socketee.internal.metrics.Counter;
import io.socketee.Args;
import io.socketee.BroadcastOperator;
import io.socketee.RemoteSocket;
import io.socketee.adapter.BroadcastOptions;
import io.socketee.adapter.SocketDetails;
import io.socketee.internal.protocol.json.Json;
import io.socketee.internal.protocol.socketio.SocketIoPacket;
import io.socketee.internal.protocol.socketio.SocketIoPacketType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The {@link BroadcastOperator} of one namespace, or of every child of a parent namespace: rooms
 * to reach, rooms to skip, flags. Immutable and thread-safe; modifiers copy.
 */
final class SioBroadcastOperator implements BroadcastOperator {
    private final SioServer server;
    private final Supplier<Collection<SioNamespace>> targets;
    private final BroadcastOptions options;

    SioBroadcastOperator(SioServer server, Supplier<Collection<SioNamespace>> targets, BroadcastOptions options) {
        this.server = server;
        this.targets = targets;
        this.options = options;
    }

    /** The operator of one namespace. */
    static SioBroadcastOperator of(SioNamespace nsp, BroadcastOptions options) {
        List<SioNamespace> one = List.of(nsp);
        return new SioBroadcastOperator(nsp.server(), () -> one, options);
    }

    BroadcastOptions options() {
        return options;
    }

    @Override
    public BroadcastOperator to(String room) {
        return to(List.of(room));
    }

    @Override
    public BroadcastOperator to(Collection<String> rooms) {
        return with(options.withRooms(union(options.rooms(), rooms), options.except()));
    }

    @Override
    public BroadcastOperator in(String room) {
        return to(room);
    }

    @Override
    public BroadcastOperator in(Collection<String> rooms) {
        return to(rooms);
    }

    @Override
    public BroadcastOperator except(String room) {
        return except(List.of(room));
    }

    @Override
    public BroadcastOperator except(Collection<String> rooms) {
        return with(options.withRooms(options.rooms(), union(options.except(), rooms)));
    }

    @Override
    public BroadcastOperator local() {
        return with(options.withLocal(true));
    }

    @Override
    public BroadcastOperator asVolatile() {
        return with(options.withVolatile(true));
    }

    @Override
    public BroadcastOperator compress(boolean compress) {
        return with(options.withCompress(compress));
    }

    @Override
    public BroadcastOperator timeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        return with(options.withTimeout(Optional.of(timeout)));
    }

    @Override
    public void emit(String event, Object... args) {
        Events.checkEmittable(event);
        Json.Arr data = server.mapper().toJsonArray(Json.of(event), args);
        for (SioNamespace nsp : targets.get()) {
            server.options().metrics().increment(Counter.BROADCASTS);
            nsp.adapter().broadcast(
                    nsp.packet(new SocketIoPacket(SocketIoPacketType.EVENT, nsp.name(), SocketIoPacket.NO_ID, data)),
                    options);
        }
    }

    @Override
    public CompletionStage<List<Args>> emitWithAck(String event, Object... args) {
        Events.checkEmittable(event);
        Json.Arr data = server.mapper().toJsonArray(Json.of(event), args);
        Collection<SioNamespace> namespaces = targets.get();
        // every server reports how many clients it asked, even 0; a local broadcast asks only this one
        int reports = options.local() ? namespaces.size()
                : namespaces.stream().mapToInt(n -> n.adapter().serverCount()).sum();
        AckCollector collector = new AckCollector(reports, server.executor(), server.options().metrics());
        options.timeout().ifPresent(t -> collector.expireAfter(t, server.scheduler()));
        for (SioNamespace nsp : namespaces) {
            SocketIoPacket packet = new SocketIoPacket(SocketIoPacketType.EVENT, nsp.name(), nsp.nextAckId(), data);
            server.options().metrics().increment(Counter.BROADCASTS);
            nsp.adapter().broadcastWithAck(nsp.packet(packet), options, collector);
        }
        return collector.result();
    }

    @Override
    public CompletionStage<List<RemoteSocket>> fetchSockets() {
        CompletableFuture<List<RemoteSocket>> all = CompletableFuture.completedFuture(List.of());
        for (SioNamespace nsp : targets.get()) {
            CompletableFuture<List<SocketDetails>> found = nsp.adapter().fetchSockets(options).toCompletableFuture();
            all = all.thenCombine(found, (sofar, more) -> {
                List<RemoteSocket> list = new ArrayList<>(sofar);
                more.forEach(d -> list.add(new SioRemoteSocket(nsp, d)));
                return List.copyOf(list);
            });
        }
        // answers from other servers complete on Redis's thread: the application continues on its own
        return all.thenApplyAsync(java.util.function.Function.identity(), server.executor()).minimalCompletionStage();
    }

    @Override
    public void socketsJoin(String room) {
        socketsJoin(List.of(room));
    }

    @Override
    public void socketsJoin(Collection<String> rooms) {
        List<String> copy = checked(rooms);
        targets.get().forEach(nsp -> nsp.adapter().addSockets(options, copy));
    }

    @Override
    public void socketsLeave(String room) {
        socketsLeave(List.of(room));
    }

    @Override
    public void socketsLeave(Collection<String> rooms) {
        List<String> copy = checked(rooms);
        targets.get().forEach(nsp -> nsp.adapter().delSockets(options, copy));
    }

    @Override
    public void disconnectSockets(boolean close) {
        targets.get().forEach(nsp -> nsp.adapter().disconnectSockets(options, close));
    }

    private SioBroadcastOperator with(BroadcastOptions newOptions) {
        return new SioBroadcastOperator(server, targets, newOptions);
    }

    private static List<String> checked(Collection<String> rooms) {
        List<String> copy = new ArrayList<>(rooms.size());
        for (String room : rooms) {
            copy.add(Objects.requireNonNull(room, "room"));
        }
        return copy;
    }

    private static Set<String> union(Set<String> a, Collection<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(checked(b));
        return all;
    }
}
