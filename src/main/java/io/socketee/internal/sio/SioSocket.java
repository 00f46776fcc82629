package io.socketee.internal.sio;

import io.socketee.internal.metrics.Counter;
import io.socketee.Ack;
import io.socketee.Args;
import io.socketee.BroadcastOperator;
import io.socketee.DisconnectReason;
import io.socketee.Handshake;
import io.socketee.Namespace;
import io.socketee.RejectedException;
import io.socketee.Socket;
import io.socketee.adapter.BroadcastOptions;
import io.socketee.adapter.RestoredSession;
import io.socketee.adapter.SessionSnapshot;
import io.socketee.internal.protocol.json.Json;
import io.socketee.internal.protocol.json.JsonWriter;
import io.socketee.internal.protocol.socketio.SocketIoPacket;
import io.socketee.internal.protocol.socketio.SocketIoPacketType;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One client's socket in one namespace.
 *
 * <p>Thread-safe. The protocol methods ({@code onConnect}, {@code onPacket}, {@code onClose},
 * {@code disconnectNow}) run only on the client's serial executor; the public methods may be
 * called from any thread and hand state changes to that executor when needed.
 */
final class SioSocket implements Socket {
    private static final Logger LOG = Logger.getLogger(SioSocket.class.getName());
    /** The reasons after which a session is kept for recovery, as the reference's. */
    private static final Set<DisconnectReason> RECOVERABLE = java.util.EnumSet.of(DisconnectReason.TRANSPORT_ERROR,
            DisconnectReason.TRANSPORT_CLOSE, DisconnectReason.FORCED_CLOSE, DisconnectReason.PING_TIMEOUT,
            DisconnectReason.SERVER_SHUTTING_DOWN, DisconnectReason.FORCED_SERVER_CLOSE);

    private final SioNamespace nsp;
    private final Client client;
    private final String id;
    private final Handshake handshake;
    private final SocketListeners listeners = new SocketListeners();
    private final PendingAcks acks;
    private final Map<String, Object> data = new ConcurrentHashMap<>();
    /** The private session id of connection state recovery; null when recovery is off. */
    private final String pid;
    private final boolean recovered;
    private volatile boolean connected;
    private boolean disposed; // guarded by this: once true, join does nothing

    SioSocket(SioNamespace nsp, Client client, String id, Handshake handshake) {
        this(nsp, client, id, handshake, null, false);
    }

    SioSocket(SioNamespace nsp, Client client, String id, Handshake handshake, String pid, boolean recovered) {
        this.nsp = nsp;
        this.client = client;
        this.id = id;
        this.handshake = handshake;
        this.pid = pid;
        this.recovered = recovered;
        this.acks = new PendingAcks(client, nsp.server().scheduler(), nsp.server().options().metrics());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Namespace namespace() {
        return nsp;
    }

    @Override
    public Handshake handshake() {
        return handshake;
    }

    @Override
    public Optional<io.socketee.ConnectionRequest> currentRequest() {
        return client.currentRequest();
    }

    @Override
    public Set<String> rooms() {
        return nsp.adapter().socketRooms(id);
    }

    @Override
    public void join(String room) {
        join(List.of(room));
    }

    @Override
    public void join(Collection<String> rooms) {
        List<String> copy = List.copyOf(rooms);
        synchronized (this) {
            if (!disposed) {
                nsp.adapter().addAll(id, copy);
            }
        }
    }

    @Override
    public void leave(String room) {
        nsp.adapter().del(id, Objects.requireNonNull(room, "room"));
    }

    @Override
    public void emit(String event, Object... args) {
        Events.checkEmittable(event);
        SocketIoPacket packet = eventPacket(event, args, SocketIoPacket.NO_ID);
        if (pid != null) {
            // with recovery, as the reference: through the adapter, so that the event is stored
            nsp.adapter().broadcast(nsp.packet(packet), new BroadcastOptions(Set.of(id), Set.of(), false));
            return;
        }
        notifyOutgoing(packet);
        client.send(packet);
    }

    @Override
    public VolatileEmitter asVolatile() {
        return this::emitVolatile;
    }

    private boolean emitVolatile(String event, Object... args) {
        Events.checkEmittable(event);
        SocketIoPacket packet = eventPacket(event, args, SocketIoPacket.NO_ID);
        // as the reference: outgoing listeners see the packet even when it is dropped, and a
        // volatile packet is never stored for recovery (so it needs no trip through the adapter)
        notifyOutgoing(packet);
        if (!client.writable()) {
            nsp.server().options().metrics().increment(Counter.PACKETS_DROPPED, "volatile");
            return false;
        }
        client.send(packet);
        return true;
    }

    @Override
    public CompletionStage<Args> emitWithAck(String event, Object... args) {
        return emitWithAck(null, event, args);
    }

    @Override
    public CompletionStage<Args> emitWithAck(Duration timeout, String event, Object... args) {
        Events.checkEmittable(event);
        long ackId = nsp.nextAckId();
        SocketIoPacket packet = eventPacket(event, args, ackId);
        CompletionStage<Args> answer = acks.register(ackId, timeout);
        notifyOutgoing(packet);
        client.send(packet);
        return answer;
    }

    private SocketIoPacket eventPacket(String event, Object[] args, long ackId) {
        Json.Arr data = nsp.mapper().toJsonArray(Json.of(event), args);
        return new SocketIoPacket(SocketIoPacketType.EVENT, nsp.name(), ackId, data);
    }

    @Override
    public Socket on(String event, EventListener listener) {
        listeners.on(event, listener);
        return this;
    }

    @Override
    public Socket onAny(AnyListener listener) {
        listeners.onAny(listener);
        return this;
    }

    @Override
    public Socket offAny(AnyListener listener) {
        listeners.offAny(listener);
        return this;
    }

    @Override
    public Socket onAnyOutgoing(OutgoingListener listener) {
        listeners.onAnyOutgoing(listener);
        return this;
    }

    @Override
    public Socket offAnyOutgoing(OutgoingListener listener) {
        listeners.offAnyOutgoing(listener);
        return this;
    }

    @Override
    public Socket onDisconnecting(DisconnectListener listener) {
        listeners.onDisconnecting(listener);
        return this;
    }

    @Override
    public Socket onDisconnect(DisconnectListener listener) {
        listeners.onDisconnect(listener);
        return this;
    }

    @Override
    public BroadcastOperator broadcast() {
        return SioBroadcastOperator.of(nsp, new BroadcastOptions(Set.of(), Set.of(id), false));
    }

    @Override
    public BroadcastOperator to(Collection<String> rooms) {
        return broadcast().to(rooms);
    }

    @Override
    public BroadcastOperator in(Collection<String> rooms) {
        return broadcast().in(rooms);
    }

    @Override
    public BroadcastOperator except(Collection<String> rooms) {
        return broadcast().except(rooms);
    }

    @Override
    public BroadcastOperator to(String room) {
        return broadcast().to(room);
    }

    @Override
    public BroadcastOperator in(String room) {
        return broadcast().in(room);
    }

    @Override
    public BroadcastOperator except(String room) {
        return broadcast().except(room);
    }

    @Override
    public void disconnect(boolean close) {
        client.runSerially(() -> disconnectNow(close));
    }

    @Override
    public Map<String, Object> data() {
        return data;
    }

    @Override
    public Optional<jakarta.servlet.http.HttpSession> httpSession() {
        return client.httpSession();
    }

    @Override
    public boolean recovered() {
        return recovered;
    }

    @Override
    public boolean connected() {
        return connected;
    }

    @Override
    public String toString() {
        return "Socket[" + nsp.name() + " " + id + "]";
    }

    Client client() {
        return client;
    }

    /** Tells the outgoing listeners of an event packet about to go to this client; any thread. */
    void notifyOutgoing(SocketIoPacket packet) {
        listeners.notifyOutgoing(this, nsp.mapper(), packet);
    }

    /** Awaits this client's answer to broadcast packet {@code ackId}, for {@code ack}. */
    void awaitBroadcastAck(long ackId, io.socketee.adapter.BroadcastAck ack) {
        acks.registerBroadcast(ackId, ack);
        if (ack instanceof AckCollector collector) {
            collector.onDone(() -> acks.forget(ackId));
        }
    }

    // ---- protocol side: on the client's serial executor only ----

    /**
     * Joins the namespace: its own room (for a recovered socket also its old rooms, data and the
     * events it missed, which go out before the CONNECT answer, as the reference sends them), then
     * the CONNECT answer to the client.
     */
    void onConnect(java.util.Optional<RestoredSession> restored) {
        connected = true;
        join(id);
        restored.ifPresent(r -> {
            join(r.session().rooms());
            data.putAll(r.session().data());
            for (io.socketee.adapter.Packet missed : r.missed()) {
                SocketIoPacket p = nsp.wire(missed);
                client.send(new SocketIoPacket(SocketIoPacketType.EVENT, nsp.name(), SocketIoPacket.NO_ID, p.data()));
            }
        });
        client.send(client.connectPacket(nsp.name(), id, pid));
    }

    /** Handles a packet addressed to this socket's namespace. */
    void onPacket(SocketIoPacket packet) {
        switch (packet.type()) {
            case EVENT, BINARY_EVENT -> onEvent(packet);
            case ACK, BINARY_ACK -> acks.complete(packet.id(), new SioArgs(nsp.mapper(), Events.items(packet.data())));
            case DISCONNECT -> onClose(DisconnectReason.CLIENT_NAMESPACE_DISCONNECT);
            case CONNECT, CONNECT_ERROR -> throw new IllegalStateException("routed to the client: " + packet.type());
        }
    }

    private void onEvent(SocketIoPacket packet) {
        List<Json> items = Events.items(packet.data());
        if (items.isEmpty() || !connected) {
            return;
        }
        String event = Events.name(items.get(0));
        Args args = new SioArgs(nsp.mapper(), items.subList(1, items.size()));
        Optional<Ack> ack = packet.hasId() ? Optional.of(new OnceAck(packet.id())) : Optional.empty();
        PacketGate gate = nsp.packetGate();
        if (gate == null) {
            deliver(event, args, ack);
            return;
        }
        try {
            gate.dispatch(this, event, args, ack, (ev, values) -> deliver(Objects.requireNonNull(ev, "event"),
                    values instanceof Args a ? a : new SioArgs(nsp.mapper(), nsp.mapper().toJsonArray(null,
                            values.toArray()).items()), ack));
        } catch (RejectedException rejected) {
            reject(event, ack, rejected);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "packet middleware of " + nsp.name() + " failed on \"" + event + '"', e);
            reject(event, ack, new RejectedException(SioNamespace.INTERNAL_ERROR));
        }
    }

    /** Tells the client why its event was dropped: in the ack if asked, else in an "error" event. */
    private void reject(String event, Optional<Ack> ack, RejectedException rejected) {
        Map<String, Object> error = new java.util.LinkedHashMap<>();
        if (ack.isPresent()) {
            error.put("error", String.valueOf(rejected.getMessage()));
            rejected.data().ifPresent(d -> error.put("data", d));
            ack.get().send(error);
            return;
        }
        error.put("event", event);
        error.put("message", String.valueOf(rejected.getMessage()));
        rejected.data().ifPresent(d -> error.put("data", d));
        emit("error", error);
    }

    private void deliver(String event, Args args, Optional<Ack> ack) {
        listeners.deliver(this, event, args, ack);
    }

    /** Removes the socket from its namespace, telling the client, or closes the whole connection. */
    void disconnectNow(boolean close) {
        if (!connected) {
            return;
        }
        if (close) {
            client.disconnectAll();
        } else {
            client.send(new SocketIoPacket(SocketIoPacketType.DISCONNECT, nsp.name(), SocketIoPacket.NO_ID, null));
            onClose(DisconnectReason.SERVER_NAMESPACE_DISCONNECT);
        }
    }

    /** Leaves the namespace for {@code reason}: "disconnecting", clean-up, then "disconnect". */
    void onClose(DisconnectReason reason) {
        if (!connected) {
            return;
        }
        nsp.server().options().metrics().increment(Counter.SOCKET_DISCONNECTIONS, reason.wireName());
        listeners.fireDisconnecting(this, reason);
        if (pid != null && RECOVERABLE.contains(reason)) {
            nsp.adapter().persistSession(new SessionSnapshot(id, pid, rooms(), data));
        }
        cleanup();
        client.remove(this);
        connected = false;
        listeners.fireDisconnect(this, reason);
        acks.failAll();
    }

    /** Leaves every room and the namespace; later joins do nothing. */
    void cleanup() {
        synchronized (this) {
            disposed = true;
            nsp.adapter().delAll(id);
        }
        nsp.remove(this);
    }

    /** The acknowledgement of one received event: only its first use sends. Thread-safe. */
    private final class OnceAck implements Ack {
        private final long ackId;
        private final java.util.concurrent.atomic.AtomicBoolean sent = new java.util.concurrent.atomic.AtomicBoolean();

        OnceAck(long ackId) {
            this.ackId = ackId;
        }

        @Override
        public void send(Object... args) {
            Json.Arr data = nsp.mapper().toJsonArray(null, args == null ? new Object[] {null} : args);
            if (sent.compareAndSet(false, true)) {
                client.send(new SocketIoPacket(SocketIoPacketType.ACK, nsp.name(), ackId, data));
            }
        }
    }
}
