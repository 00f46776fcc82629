package io.socketee.internal.sio;

import io.socketee.Ack;
import io.socketee.Args;
import io.socketee.Namespace.ServerSideListener;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The listeners of events sent by other servers, by event name. Thread-safe. */
final class ServerSideListeners {
    private static final Logger LOG = Logger.getLogger(ServerSideListeners.class.getName());

    private final Map<String, List<ServerSideListener>> listeners = new ConcurrentHashMap<>();

    void add(String event, ServerSideListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (Events.RESERVED.contains(Objects.requireNonNull(event, "event"))) {
            throw new IllegalArgumentException('"' + event + "\" is a reserved event name");
        }
        listeners.computeIfAbsent(event, k -> new CopyOnWriteArrayList<>()).add(listener);
    }

    /** Calls each listener of {@code event}; a failure is logged and the next one runs. */
    void fire(String event, Args args, Optional<Ack> ack, String namespace) {
        for (ServerSideListener l : listeners.getOrDefault(event, List.of())) {
            try {
                l.onEvent(args, ack);
            } catch (Exception e) {
                LOG.log(Level.WARNING, "server-side listener of \"" + event + "\" in " + namespace + " failed", e);
            }
        }
    }
}
