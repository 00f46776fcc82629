package io.socketee.internal.sio;

import io.socketee.Namespace;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What every namespace registers in the same way, a namespace with sockets
 * ({@link SioNamespace}) and a dynamic parent ({@link ParentNamespace}) alike: its name, its
 * connection middleware, its connection listeners, its server-side listeners and its packet gate.
 *
 * <p>Thread-safe: the name is final and the registrations are concurrent collections, which
 * callers iterate over snapshots of.
 */
abstract class AbstractNamespace extends DelegatingOperator implements Namespace {
    private final String name;
    private final List<ConnectionCheck> middleware = new CopyOnWriteArrayList<>();
    private final List<ConnectionListener> connectionListeners = new CopyOnWriteArrayList<>();
    private final ServerSideListeners serverSide = new ServerSideListeners();
    private volatile PacketGate packetGate;

    AbstractNamespace(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Namespace onConnection(ConnectionListener listener) {
        connectionListeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    @Override
    public final Namespace use(ConnectionCheck m) {
        middleware.add(Objects.requireNonNull(m, "middleware"));
        return this;
    }

    @Override
    public final Namespace onServerSideEmit(String event, ServerSideListener listener) {
        serverSide.add(event, listener);
        return this;
    }

    /** The connection middleware, in registration order. */
    final List<ConnectionCheck> middleware() {
        return middleware;
    }

    /** The connection listeners, in registration order. */
    final List<ConnectionListener> connectionListeners() {
        return connectionListeners;
    }

    /** The listeners of events sent by other servers with {@code serverSideEmit}. */
    final ServerSideListeners serverSide() {
        return serverSide;
    }

    /** Sets what every incoming event passes first (packet middleware); a parent's serves its children. */
    final void packetGate(PacketGate gate) {
        this.packetGate = gate;
    }

    /** The gate set on this namespace itself, if any. */
    final java.util.Optional<PacketGate> ownPacketGate() {
        return java.util.Optional.ofNullable(packetGate);
    }
}
