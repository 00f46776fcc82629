package io.socketee.internal.sio;

import io.socketee.BroadcastOperator;
import io.socketee.internal.adapter.BroadcastOptions;
import io.socketee.internal.protocol.json.Json;
import io.socketee.internal.protocol.socketio.SocketIoPacket;
import io.socketee.internal.protocol.socketio.SocketIoPacketType;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@link BroadcastOperator} of one namespace: rooms to reach, rooms to skip, flags. Immutable
 * and thread-safe; modifiers copy.
 */
final class SioBroadcastOperator implements BroadcastOperator {
    private final SioNamespace nsp;
    private final BroadcastOptions options;

    SioBroadcastOperator(SioNamespace nsp, BroadcastOptions options) {
        this.nsp = nsp;
        this.options = options;
    }

    @Override
    public BroadcastOperator to(String room) {
        return to(List.of(room));
    }

    @Override
    public BroadcastOperator to(Collection<String> rooms) {
        return with(union(options.rooms(), rooms), options.except(), options.local());
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
        return with(options.rooms(), union(options.except(), rooms), options.local());
    }

    @Override
    public BroadcastOperator local() {
        return with(options.rooms(), options.except(), true);
    }

    @Override
    public void emit(String event, Object... args) {
        Events.checkEmittable(event);
        Json.Arr data = nsp.mapper().toJsonArray(Json.of(event), args);
        SocketIoPacket packet = new SocketIoPacket(SocketIoPacketType.EVENT, nsp.name(), SocketIoPacket.NO_ID, data);
        nsp.adapter().broadcast(packet, options);
    }

    private SioBroadcastOperator with(Set<String> rooms, Set<String> except, boolean local) {
        return new SioBroadcastOperator(nsp, new BroadcastOptions(rooms, except, local));
    }

    private static Set<String> union(Set<String> a, Collection<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        for (String room : b) {
            all.add(java.util.Objects.requireNonNull(room, "room"));
        }
        return all;
    }
}
