package io.socketee.internal.sio;

import io.socketee.Ack;
import io.socketee.Args;
import io.socketee.DisconnectReason;
import io.socketee.Socket;
import io.socketee.Socket.AnyListener;
import io.socketee.Socket.DisconnectListener;
import io.socketee.Socket.EventListener;
import io.socketee.Socket.OutgoingListener;
import io.socketee.internal.mapping.JsonMapper;
import io.socketee.internal.protocol.json.Json;
import io.socketee.internal.protocol.socketio.SocketIoPacket;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The listeners of one socket: per event, catch-all, outgoing, disconnecting and disconnect; each
 * call isolates failures (logged, the next listener runs).
 *
 * <p>Thread-safe: concurrent collections; listeners may be added from any thread.
 */
final class SocketListeners {
    private static final Logger LOG = Logger.getLogger(SocketListeners.class.getName());

    private final Map<String, List<EventListener>> events = new ConcurrentHashMap<>();
    private final List<AnyListener> any = new CopyOnWriteArrayList<>();
    private final List<OutgoingListener> outgoing = new CopyOnWriteArrayList<>();
    private final List<DisconnectListener> disconnecting = new CopyOnWriteArrayList<>();
    private final List<DisconnectListener> disconnect = new CopyOnWriteArrayList<>();

    void on(String event, EventListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (Events.RESERVED.contains(Objects.requireNonNull(event, "event"))) {
            throw new IllegalArgumentException('"' + event + "\" is a reserved event name");
        }
        events.computeIfAbsent(event, k -> new CopyOnWriteArrayList<>()).add(listener);
    }

    void onAny(AnyListener listener) {
        any.add(Objects.requireNonNull(listener, "listener"));
    }

    void offAny(AnyListener listener) {
        any.remove(listener);
    }

    void onAnyOutgoing(OutgoingListener listener) {
        outgoing.add(Objects.requireNonNull(listener, "listener"));
    }

    void offAnyOutgoing(OutgoingListener listener) {
        outgoing.remove(listener);
    }

    void onDisconnecting(DisconnectListener listener) {
        disconnecting.add(Objects.requireNonNull(listener, "listener"));
    }

    void onDisconnect(DisconnectListener listener) {
        disconnect.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Hands an event to the catch-all listeners, then to the event's own. */
    void deliver(Socket socket, String event, Args args, Optional<Ack> ack) {
        for (AnyListener listener : any) {
            try {
                listener.onEvent(socket, event, args, ack);
            } catch (Exception e) {
                LOG.log(Level.WARNING, "catch-all listener on " + socket + " failed on \"" + event + '"', e);
            }
        }
        for (EventListener listener : events.getOrDefault(event, List.of())) {
            try {
                listener.onEvent(socket, args, ack);
            } catch (Exception e) {
                LOG.log(Level.WARNING, "listener of \"" + event + "\" on " + socket + " failed", e);
            }
        }
    }

    /** Tells the outgoing listeners of an event packet about to go to {@code socket}; any thread. */
    void notifyOutgoing(Socket socket, JsonMapper mapper, SocketIoPacket packet) {
        if (outgoing.isEmpty()) {
            return;
        }
        List<Json> items = Events.items(packet.data());
        if (items.isEmpty()) {
            return;
        }
        String event = Events.name(items.get(0));
        Args args = new SioArgs(mapper, items.subList(1, items.size()));
        for (OutgoingListener listener : outgoing) {
            try {
                listener.onEvent(socket, event, args);
            } catch (Exception e) {
                LOG.log(Level.WARNING, "outgoing listener on " + socket + " failed", e);
            }
        }
    }

    void fireDisconnecting(Socket socket, DisconnectReason reason) {
        fire(disconnecting, socket, reason, "disconnecting");
    }

    void fireDisconnect(Socket socket, DisconnectReason reason) {
        fire(disconnect, socket, reason, "disconnect");
    }

    private static void fire(List<DisconnectListener> list, Socket socket, DisconnectReason reason, String what) {
        for (DisconnectListener listener : list) {
            try {
                listener.onDisconnect(socket, reason);
            } catch (Exception e) {
                LOG.log(Level.WARNING, what + " listener on " + socket + " failed", e);
            }
        }
    }
}
