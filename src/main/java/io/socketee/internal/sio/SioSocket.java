package io.socketee.internal.sio;

import io.socketee.Ack;
import io.socketee.Args;
import io.socketee.BroadcastOperator;
import io.socketee.DisconnectReason;
import io.socketee.Handshake;
import io.socketee.Namespace;
import io.socketee.Socket;
import io.socketee.internal.adapter.BroadcastOptions;
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
import java.util.concurrent.CopyOnWriteArrayList;
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

    private final SioNamespace nsp;
    private final Client client;
    private final String id;
    private final Handshake handshake;
    private final Map<String, List<EventListener>> listeners = new ConcurrentHashMap<>();
    private final List<DisconnectListener> disconnectingListeners = new CopyOnWriteArrayList<>();
    private final List<DisconnectListener> disconnectListeners = new CopyOnWriteArrayList<>();
    private final PendingAcks acks;
    private final Map<String, Object> data = new ConcurrentHashMap<>();
    private volatile boolean connected;
    private boolean disposed; // guarded by this: once true, join does nothing

    SioSocket(SioNamespace nsp, Client client, String id, Handshake handshake) {
        this.nsp = nsp;
        this.client = client;
        this.id = id;
        this.handshake = handshake;
        this.acks = new PendingAcks(client, nsp.server().scheduler());
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
        client.send(eventPacket(event, args, SocketIoPacket.NO_ID));
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
        client.send(packet);
        return answer;
    }

    private SocketIoPacket eventPacket(String event, Object[] args, long ackId) {
        Json.Arr data = nsp.mapper().toJsonArray(Json.of(event), args);
        return new SocketIoPacket(SocketIoPacketType.EVENT, nsp.name(), ackId, data);
    }

    @Override
    public Socket on(String event, EventListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (Events.RESERVED.contains(Objects.requireNonNull(event, "event"))) {
            throw new IllegalArgumentException('"' + event + "\" is a reserved event name");
        }
        listeners.computeIfAbsent(event, k -> new CopyOnWriteArrayList<>()).add(listener);
        return this;
    }

    @Override
    public Socket onDisconnecting(DisconnectListener listener) {
        disconnectingListeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    @Override
    public Socket onDisconnect(DisconnectListener listener) {
        disconnectListeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    @Override
    public BroadcastOperator broadcast() {
        return new SioBroadcastOperator(nsp, new BroadcastOptions(Set.of(), Set.of(id), false));
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

    // ---- protocol side: on the client's serial executor only ----

    /** Joins the namespace: its own room, then the CONNECT answer to the client. */
    void onConnect() {
        connected = true;
        join(id);
        client.send(client.connectPacket(nsp.name(), id));
    }

    /** Handles a packet addressed to this socket's namespace. */
    void onPacket(SocketIoPacket packet) {
        switch (packet.type()) {
            case EVENT, BINARY_EVENT -> onEvent(packet);
            case ACK, BINARY_ACK -> acks.complete(packet.id(), new SioArgs(nsp.mapper(), items(packet.data())));
            case DISCONNECT -> onClose(DisconnectReason.CLIENT_NAMESPACE_DISCONNECT);
            case CONNECT, CONNECT_ERROR -> throw new IllegalStateException("routed to the client: " + packet.type());
        }
    }

    private void onEvent(SocketIoPacket packet) {
        List<Json> items = items(packet.data());
        if (items.isEmpty() || !connected) {
            return;
        }
        String event = eventName(items.get(0));
        Args args = new SioArgs(nsp.mapper(), items.subList(1, items.size()));
        Optional<Ack> ack = packet.hasId() ? Optional.of(new OnceAck(packet.id())) : Optional.empty();
        for (EventListener listener : listeners.getOrDefault(event, List.of())) {
            try {
                listener.onEvent(this, args, ack);
            } catch (Exception e) {
                LOG.log(Level.WARNING, "listener of \"" + event + "\" on " + this + " failed", e);
            }
        }
    }

    /** An event name as the reference server keys it: a string, or a number's JavaScript text. */
    private static String eventName(Json name) {
        if (name instanceof Json.Str s) {
            return s.value();
        }
        return name instanceof Json.Num n ? JsonWriter.numberToString(n.value()) : JsonWriter.write(name);
    }

    private static List<Json> items(Json data) {
        return data instanceof Json.Arr a ? a.items() : List.of();
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
        fire(disconnectingListeners, reason, "disconnecting");
        cleanup();
        client.remove(this);
        connected = false;
        fire(disconnectListeners, reason, "disconnect");
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

    private void fire(List<DisconnectListener> list, DisconnectReason reason, String what) {
        for (DisconnectListener listener : list) {
            try {
                listener.onDisconnect(this, reason);
            } catch (Exception e) {
                LOG.log(Level.WARNING, what + " listener on " + this + " failed", e);
            }
        }
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
