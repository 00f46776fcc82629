package io.socketee.it.adapter.app;

import io.socketee.adapter.Adapter;
import io.socketee.adapter.AdapterFactory;
import io.socketee.adapter.AdapterHost;
import io.socketee.adapter.BroadcastOptions;
import io.socketee.adapter.ForwardingAdapter;
import io.socketee.adapter.Packet;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An application's own adapter, installed by being an {@link AdapterFactory} bean: it records every
 * broadcast (what a cluster adapter would publish), and takes "remote" events as another server's
 * broadcasts would arrive, to hand them to the local sockets.
 *
 * <p>Thread-safe: the log and the adapters are concurrent collections.
 */
@ApplicationScoped
public class AuditingAdapters implements AdapterFactory {
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Map<String, Auditing> adapters = new ConcurrentHashMap<>();
    private volatile boolean closed;

    @Override
    public Adapter create(AdapterHost host, Adapter local) {
        Auditing adapter = new Auditing(host, local);
        adapters.put(host.name(), adapter);
        return adapter;
    }

    @Override
    public void close() {
        closed = true;
    }

    /** Each broadcast seen, as {@code namespace event argument-types}. */
    public List<String> log() {
        return List.copyOf(log);
    }

    /** Delivers {@code data} (event name, then arguments) to the local sockets of {@code nsp} in {@code room}, as from another server. */
    public boolean remote(String nsp, String room, List<Object> data) {
        Auditing adapter = adapters.get(nsp);
        if (adapter == null || closed) {
            return false;
        }
        adapter.fromElsewhere(data, room);
        return true;
    }

    /** Thread-safe as its delegate. */
    private final class Auditing extends ForwardingAdapter {
        private final AdapterHost host;

        Auditing(AdapterHost host, Adapter local) {
            super(local);
            this.host = host;
        }

        @Override
        public void broadcast(Packet packet, BroadcastOptions options) {
            StringBuilder line = new StringBuilder(packet.namespace());
            for (Object value : packet.data()) {
                line.append(' ').append(value instanceof byte[] b ? "byte[" + b.length + "]"
                        : value == null ? "null" : value.getClass().getSimpleName() + ":" + value);
            }
            line.append(options.rooms().isEmpty() ? "" : " to " + options.rooms());
            log.add(line.toString());
            super.broadcast(packet, options);
        }

        void fromElsewhere(List<Object> data, String room) {
            delegate().broadcast(host.event(data), new BroadcastOptions(room == null ? Set.of() : Set.of(room),
                    Set.of(), true));
        }
    }
}
