package io.socketee.internal.sio;

import io.socketee.internal.metrics.Gauge;
import io.socketee.internal.metrics.Counter;
import io.socketee.Args;
import io.socketee.BroadcastOperator;
import io.socketee.RejectedException;
import io.socketee.Namespace;
import io.socketee.Socket;
import io.socketee.adapter.Adapter;
import io.socketee.adapter.BroadcastAck;
import io.socketee.adapter.BroadcastOptions;
import io.socketee.adapter.Packet;
import io.socketee.internal.adapter.NamespaceHost;
import io.socketee.internal.adapter.WirePacket;
import io.socketee.internal.adapter.memory.InMemoryAdapter;
import io.socketee.internal.mapping.JsonMapper;
import io.socketee.internal.protocol.json.Json;
import io.socketee.internal.protocol.socketio.SocketIoPacket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One namespace: its connected sockets, listeners, middleware, adapter and acknowledgement ids;
 * for a child of a dynamic (parent) namespace, the parent's middleware and listeners come first.
 *
 * <p>Thread-safe: all state is in concurrent collections; membership lives in the adapter; adding
 * and removing sockets synchronise on this object so that a child removed when it emptied takes no
 * new socket.
 */
final class SioNamespace extends AbstractNamespace implements NamespaceHost {
    private static final Logger LOG = Logger.getLogger(SioNamespace.class.getName());
    /** What a client is told when middleware failed with something else than a refusal. */
    static final String INTERNAL_ERROR = "Internal server error";

    private final SioServer server;
    private final Optional<ParentNamespace> parent;
    private final Adapter adapter;
    private final Map<String, SioSocket> sockets = new ConcurrentHashMap<>();
    /** Acknowledgement ids are counted per namespace, as the reference server does. */
    private final AtomicLong ackIds = new AtomicLong();
    private boolean removed; // guarded by this: a child namespace that emptied and was dropped

    SioNamespace(SioServer server, String name, Optional<ParentNamespace> parent) {
        super(name);
        this.server = server;
        this.parent = parent;
        SioOptions.Recovery recovery = server.options().recovery();
        this.adapter = server.adapters().create(this, new InMemoryAdapter(this,
                recovery.enabled() ? recovery.maxDisconnectionDuration() : null, System::currentTimeMillis));
        server.options().metrics().gauge(Gauge.SOCKETS_CONNECTED, List.of(name), sockets::size);
    }

    /** Withdraws this namespace's gauge: it was dropped, or the server stops. */
    void unpublish() {
        server.options().metrics().removeGauge(Gauge.SOCKETS_CONNECTED, List.of(name()));
    }

    @Override
    public Map<String, Socket> sockets() {
        return Map.copyOf(sockets);
    }

    @Override
    public void serverSideEmit(String event, Object... args) {
        adapter.serverSideEmit(serverSideArgs(event, args));
    }

    @Override
    public CompletionStage<List<Object>> serverSideEmitWithAck(Duration timeout, String event, Object... args) {
        Objects.requireNonNull(timeout, "timeout");
        return adapter.serverSideEmitWithAck(serverSideArgs(event, args), timeout).toCompletableFuture()
                .thenApplyAsync(java.util.function.Function.identity(), server.executor()).minimalCompletionStage();
    }

    private static List<Object> serverSideArgs(String event, Object[] args) {
        Events.checkEmittable(event);
        List<Object> all = new ArrayList<>(args.length + 1);
        all.add(event);
        all.addAll(java.util.Arrays.asList(args));
        return all;
    }

    @Override
    public CompletionStage<java.util.Set<String>> allRooms() {
        return adapter.allRooms().toCompletableFuture()
                .thenApplyAsync(java.util.function.Function.identity(), server.executor()).minimalCompletionStage();
    }

    /** Hands an event from another server to this namespace's server-side listeners. */
    void receiveServerSideEmit(String event, Args args, Optional<io.socketee.Ack> ack) {
        serverSide().fire(event, args, ack, name());
        parent.ifPresent(p -> p.serverSide().fire(event, args, ack, name()));
    }

    @Override
    public List<Object> encode(SocketIoPacket packet) {
        return server.encode(packet);
    }

    @Override
    public Optional<Socket> socket(String sid) {
        return Optional.ofNullable(sockets.get(sid));
    }

    @Override
    public boolean deliver(String sid, Packet packet, BroadcastOptions options, BroadcastAck ack) {
        SioSocket socket = sockets.get(sid);
        if (socket == null) {
            return false;
        }
        WirePacket wire = packet instanceof WirePacket w ? w : packet(wire(packet));
        // as the reference's adapter: outgoing listeners see the packet before a volatile one is dropped
        socket.notifyOutgoing(wire.wire());
        if (options.volatileDelivery() && !socket.client().writable()) {
            server.options().metrics().increment(Counter.PACKETS_DROPPED, "volatile");
            return false;
        }
        if (ack != null) {
            socket.awaitBroadcastAck(wire.wire().id(), ack);
        }
        server.options().metrics().increment(Counter.BROADCAST_DELIVERIES);
        socket.client().write(wire.messages());
        return true;
    }

    @Override
    public void roomJoined(String room, String sid) {
        server.observer().onRoomJoined(name(), room, sid);
    }

    @Override
    public void roomLeft(String room, String sid) {
        server.observer().onRoomLeft(name(), room, sid);
    }

    @Override
    public WirePacket packet(SocketIoPacket packet) {
        return WirePacket.of(packet, this);
    }

    @Override
    public Packet event(List<Object> data) {
        return packet(new SocketIoPacket(io.socketee.internal.protocol.socketio.SocketIoPacketType.EVENT, name(),
                SocketIoPacket.NO_ID, toJson(data)));
    }

    @Override
    public Packet eventWithAck(List<Object> data) {
        return packet(new SocketIoPacket(io.socketee.internal.protocol.socketio.SocketIoPacketType.EVENT, name(),
                nextAckId(), toJson(data)));
    }

    @Override
    BroadcastOperator operator() {
        return SioBroadcastOperator.of(this, BroadcastOptions.ALL);
    }

    Adapter adapter() {
        return adapter;
    }

    /** The gate every incoming event passes first: this namespace's own, else its parent's; null if none. */
    PacketGate packetGate() {
        return ownPacketGate().or(() -> parent.flatMap(ParentNamespace::ownPacketGate)).orElse(null);
    }

    JsonMapper mapper() {
        return server.mapper();
    }

    SioServer server() {
        return server;
    }

    @Override
    public long nextAckId() {
        return ackIds.getAndIncrement();
    }

    @Override
    public Json.Arr toJson(List<Object> values) {
        return server.mapper().toJsonArray(null, values.toArray());
    }

    @Override
    public Object toJava(Json value) {
        return server.mapper().toJava(value);
    }

    @Override
    public Args jsonArgs(List<Json> values) {
        return new SioArgs(server.mapper(), values);
    }

    @Override
    public Args args(List<Object> values) {
        return jsonArgs(toJson(values).items());
    }

    @Override
    public void receiveServerSideEmit(List<Object> data, Consumer<Object> reply) {
        receiveServerSideJson(toJson(data), reply == null ? null : json -> reply.accept(toJava(json)));
    }

    @Override
    public void receiveServerSideJson(Json.Arr data, Consumer<Json> reply) {
        List<Json> items = data.items();
        if (items.isEmpty() || !(items.get(0) instanceof Json.Str event)) {
            LOG.fine(() -> "server-side event without a name in " + name());
            return;
        }
        Args args = new SioArgs(server.mapper(), items.subList(1, items.size()));
        Optional<io.socketee.Ack> ack = reply == null ? Optional.empty() : Optional.of(new OnceReply(reply));
        server.executor().execute(() -> receiveServerSideEmit(event.value(), args, ack));
    }

    /** The answer to a server-side event: its first argument goes back, once. Thread-safe. */
    private final class OnceReply implements io.socketee.Ack {
        private final java.util.concurrent.atomic.AtomicReference<Consumer<Json>> reply;

        OnceReply(Consumer<Json> reply) {
            this.reply = new java.util.concurrent.atomic.AtomicReference<>(reply);
        }

        @Override
        public void send(Object... args) {
            Consumer<Json> r = reply.getAndSet(null);
            if (r != null) {
                r.accept(args.length == 0 ? Json.NULL : server.mapper().toJson(args[0]));
            }
        }
    }

    /**
     * Runs the middleware on {@code socket}, in order (a parent's first), stopping at the first
     * failure.
     *
     * @return the refusal to send to the client, if one refused
     */
    Optional<RejectedException> admit(SioSocket socket) {
        List<ConnectionCheck> all = new ArrayList<>();
        parent.ifPresent(p -> all.addAll(p.middleware()));
        all.addAll(middleware());
        for (ConnectionCheck m : all) {
            try {
                m.admit(socket);
            } catch (RejectedException refusal) {
                return Optional.of(refusal);
            } catch (Exception e) {
                LOG.log(Level.WARNING, "connection middleware of " + name() + " failed", e);
                return Optional.of(new RejectedException(INTERNAL_ERROR));
            }
        }
        return Optional.empty();
    }

    /**
     * Makes {@code socket} a connected socket of this namespace.
     *
     * @return false when this child namespace was dropped meanwhile (the caller looks it up again)
     */
    boolean add(SioSocket socket) {
        synchronized (this) {
            if (removed) {
                return false;
            }
            sockets.put(socket.id(), socket);
        }
        // outside the lock: the metrics registry is not this namespace's to wait on
        server.options().metrics().increment(Counter.SOCKET_CONNECTIONS);
        return true;
    }

    /** Forgets {@code socket}; an emptied child namespace is dropped when so configured. */
    synchronized void remove(SioSocket socket) {
        if (sockets.remove(socket.id(), socket) && sockets.isEmpty() && parent.isPresent()
                && server.options().cleanupEmptyChildNamespaces()) {
            removed = true;
            server.dropChild(this, parent.get());
        }
    }

    /** Tells the connection listeners of a new socket (a parent's first); each failure is logged. */
    void fireConnection(SioSocket socket) {
        server.observer().onSocketConnected(socket, socket.client().engineId(), socket.client().transportName());
        List<ConnectionListener> all = new ArrayList<>();
        parent.ifPresent(p -> all.addAll(p.connectionListeners()));
        all.addAll(connectionListeners());
        for (ConnectionListener listener : all) {
            try {
                listener.onConnection(socket);
            } catch (Exception e) {
                LOG.log(Level.WARNING, "connection listener of " + name() + " failed", e);
            }
        }
    }

    @Override
    public String toString() {
        return "Namespace[" + name() + "]";
    }
}
