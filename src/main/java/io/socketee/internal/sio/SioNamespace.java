package io.socketee.internal.sio;

import io.socketee.BroadcastOperator;
import io.socketee.ConnectionRefusedException;
import io.socketee.Namespace;
import io.socketee.Socket;
import io.socketee.internal.adapter.Adapter;
import io.socketee.internal.adapter.AdapterHost;
import io.socketee.internal.adapter.BroadcastOptions;
import io.socketee.internal.adapter.memory.InMemoryAdapter;
import io.socketee.internal.protocol.socketio.SocketIoPacket;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One namespace: its connected sockets, listeners, middleware, adapter and acknowledgement ids.
 *
 * <p>Thread-safe: all state is in concurrent collections; membership lives in the adapter.
 */
final class SioNamespace implements Namespace, AdapterHost {
    private static final Logger LOG = Logger.getLogger(SioNamespace.class.getName());
    /** What a client is told when middleware failed with something else than a refusal. */
    static final String INTERNAL_ERROR = "Internal server error";

    private final SioServer server;
    private final String name;
    private final Adapter adapter;
    private final Map<String, SioSocket> sockets = new ConcurrentHashMap<>();
    private final List<Middleware> middleware = new CopyOnWriteArrayList<>();
    private final List<ConnectionListener> connectionListeners = new CopyOnWriteArrayList<>();
    /** Acknowledgement ids are counted per namespace, as the reference server does. */
    private final AtomicLong ackIds = new AtomicLong();

    SioNamespace(SioServer server, String name) {
        this.server = server;
        this.name = name;
        this.adapter = new InMemoryAdapter(this);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Namespace onConnection(ConnectionListener listener) {
        connectionListeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    @Override
    public Namespace use(Middleware m) {
        middleware.add(Objects.requireNonNull(m, "middleware"));
        return this;
    }

    @Override
    public BroadcastOperator to(String room) {
        return operator().to(room);
    }

    @Override
    public BroadcastOperator in(String room) {
        return operator().in(room);
    }

    @Override
    public BroadcastOperator except(String room) {
        return operator().except(room);
    }

    @Override
    public BroadcastOperator local() {
        return operator().local();
    }

    @Override
    public void emit(String event, Object... args) {
        operator().emit(event, args);
    }

    @Override
    public Map<String, Socket> sockets() {
        return Map.copyOf(sockets);
    }

    @Override
    public List<Object> encode(SocketIoPacket packet) {
        return server.encode(packet);
    }

    @Override
    public boolean deliver(String sid, List<Object> messages) {
        SioSocket socket = sockets.get(sid);
        if (socket == null) {
            return false;
        }
        socket.client().write(messages);
        return true;
    }

    SioBroadcastOperator operator() {
        return new SioBroadcastOperator(this, BroadcastOptions.ALL);
    }

    Adapter adapter() {
        return adapter;
    }

    JsonMapper mapper() {
        return server.mapper();
    }

    SioServer server() {
        return server;
    }

    long nextAckId() {
        return ackIds.getAndIncrement();
    }

    /**
     * Runs the middleware on {@code socket}, in order, stopping at the first failure.
     *
     * @return the refusal to send to the client, if one refused
     */
    Optional<ConnectionRefusedException> admit(SioSocket socket) {
        for (Middleware m : middleware) {
            try {
                m.admit(socket);
            } catch (ConnectionRefusedException refusal) {
                return Optional.of(refusal);
            } catch (Exception e) {
                LOG.log(Level.WARNING, "connection middleware of " + name + " failed", e);
                return Optional.of(new ConnectionRefusedException(INTERNAL_ERROR));
            }
        }
        return Optional.empty();
    }

    /** Makes {@code socket} a connected socket of this namespace. */
    void add(SioSocket socket) {
        sockets.put(socket.id(), socket);
    }

    /** Forgets {@code socket}. */
    void remove(SioSocket socket) {
        sockets.remove(socket.id(), socket);
    }

    /** Tells the connection listeners of a new socket; each failure is logged. */
    void fireConnection(SioSocket socket) {
        for (ConnectionListener listener : connectionListeners) {
            try {
                listener.onConnection(socket);
            } catch (Exception e) {
                LOG.log(Level.WARNING, "connection listener of " + name + " failed", e);
            }
        }
    }
}
