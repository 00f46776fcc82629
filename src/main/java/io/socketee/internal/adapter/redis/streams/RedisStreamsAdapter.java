package io.socketee.internal.adapter.redis.streams;

import io.socketee.adapter.Packet;
import io.socketee.adapter.RestoredSession;
import io.socketee.adapter.SessionSnapshot;
import io.socketee.internal.adapter.NamespaceHost;
import io.socketee.internal.adapter.cluster.ClusterAdapter;
import io.socketee.internal.adapter.cluster.ClusterMessage;
import io.socketee.internal.adapter.cluster.MessageType;
import io.socketee.internal.adapter.memory.InMemoryAdapter;
import io.socketee.internal.adapter.redis.RedisBus;
import io.socketee.internal.protocol.ProtocolException;
import io.socketee.internal.protocol.json.Json;
import io.socketee.internal.protocol.socketio.SocketIoPacket;
import io.socketee.internal.protocol.socketio.SocketIoPacketType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The adapter of one namespace in a cluster that shares a Redis stream, speaking
 * {@code @socket.io/redis-streams-adapter} 0.3.x byte for byte: the {@link ClusterAdapter} rules
 * over two transports. Messages that last (broadcasts without acks, socketsJoin, socketsLeave,
 * disconnectSockets) are appended to the stream, and their entry ids are the offsets clients
 * recover from; requests (broadcasts with acks, fetchSockets, serverSideEmit) are published on
 * {@code prefix#nsp#} and answers on {@code prefix#nsp#<uid>#}, as MessagePack. Servers are
 * counted with {@code PUBSUB NUMSUB prefix#nsp#}.
 *
 * <p>With connection state recovery on, the session of a socket that dropped is kept in Redis
 * ({@code SET sio:session:<pid> base64(msgpack({sid,pid,rooms,data})) PX <maxDisconnectionDuration>}),
 * so a client recovers on any server, with the broadcasts it missed, read back from the stream.
 *
 * <p>Thread-safe: the rules are; the stream writer, reader and bus are shared by the node's adapters.
 */
public final class RedisStreamsAdapter extends ClusterAdapter {
    private static final Logger LOG = Logger.getLogger(RedisStreamsAdapter.class.getName());
    private static final Pattern OFFSET = Pattern.compile("[0-9]+-[0-9]+");
    /** As Node's: at most this many XRANGE pages when reading what a session missed. */
    private static final int MAX_RANGE_CALLS = 100;

    private final RedisBus bus;
    private final Outbox outbox;
    private final StreamsStore store;
    private final StreamsOptions options;
    private final Optional<Duration> recovery;
    private final Runnable onClose;
    private final RedisBus.Subscription subscription;

    RedisStreamsAdapter(NamespaceHost host, InMemoryAdapter local, String uid, StreamsOptions options,
            Optional<Duration> recovery, RedisBus bus, Outbox outbox, StreamsStore store,
            ScheduledExecutorService scheduler, Supplier<String> requestIds, Runnable onTimeout, Runnable onBadMessage,
            Runnable onClose) {
        super(host, local, uid, options.requestsTimeout(), recovery.isPresent(), scheduler, requestIds, onTimeout,
                onBadMessage);
        this.bus = bus;
        this.outbox = outbox;
        this.store = store;
        this.options = options;
        this.recovery = recovery;
        this.onClose = onClose;
        this.subscription = bus.subscribe(List.of(), List.of(options.channel(host.name()),
                options.channel(host.name(), uid)), (channel, payload) -> onPubsub(payload, onBadMessage));
    }

    /**
     * Where entries wait to be appended to the stream, in order; the result completes with the
     * entry's id. Implementations are thread-safe.
     */
    @FunctionalInterface
    interface Outbox {
        CompletionStage<String> add(String stream, Map<String, String> fields);
    }

    /** Only these go through the stream; the rest is published (Node's {@code isEphemeral}, negated). */
    private static boolean lasting(ClusterMessage message) {
        return switch (message.type()) {
            case BROADCAST -> message.data().map(d -> !d.fields().containsKey("requestId")).orElse(true);
            case SERVER_SIDE_EMIT, FETCH_SOCKETS -> false;
            default -> true;
        };
    }

    @Override
    protected CompletionStage<String> publish(ClusterMessage message) {
        if (lasting(message)) {
            return outbox.add(options.streamName(), StreamsCodec.entry(message));
        }
        bus.publish(options.channel(host.name()), StreamsCodec.pubsub(message));
        return CompletableFuture.completedFuture("");
    }

    @Override
    protected void publishResponse(String requesterUid, ClusterMessage response) {
        bus.publish(options.channel(host.name(), requesterUid), StreamsCodec.pubsub(response));
    }

    /** {@code PUBSUB NUMSUB} of the public channel; 1 (this server alone) when Redis is away. */
    @Override
    public int serverCount() {
        return countedServers(() -> bus.numSub(options.channel(host.name())));
    }

    /** An entry of the stream, for this namespace. */
    void onEntry(StreamEntry entry, Runnable onBadMessage) {
        try {
            StreamsCodec.fromEntry(entry.fields()).ifPresent(m -> onMessage(m, entry.id()));
        } catch (ProtocolException e) {
            onBadMessage.run();
            LOG.warning(() -> "SOCKETEE-REDIS-002 dropped a malformed stream entry " + entry.id() + ": " + e.getMessage());
        }
    }

    private void onPubsub(byte[] payload, Runnable onBadMessage) {
        try {
            StreamsCodec.fromPubsub(payload).ifPresent(m -> onMessage(m, ""));
        } catch (ProtocolException e) {
            onBadMessage.run();
            LOG.warning(() -> "SOCKETEE-REDIS-002 dropped a malformed message on " + options.channel(host.name())
                    + ": " + e.getMessage());
        }
    }

    // ---- connection state recovery ---------------------------------------------------------

    @Override
    public void persistSession(SessionSnapshot session) {
        if (recovery.isEmpty()) {
            return;
        }
        Map<String, Json> m = new LinkedHashMap<>();
        m.put("sid", new Json.Str(session.sid()));
        m.put("pid", new Json.Str(session.pid()));
        m.put("rooms", new Json.Arr(session.rooms().stream().<Json>map(Json.Str::new).toList()));
        m.put("data", host.toJson(Collections.singletonList(session.data())).items().get(0));
        try {
            store.set(options.sessionKeyPrefix() + session.pid(), StreamsCodec.session(new Json.Obj(m)), recovery.get());
        } catch (IllegalStateException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "SOCKETEE-REDIS-015 could not keep the session of " + session.sid()
                    + " in Redis: it cannot be recovered", e);
        }
    }

    @Override
    public Optional<RestoredSession> restoreSession(String pid, String offset) {
        if (recovery.isEmpty() || !OFFSET.matcher(offset).matches()) {
            return Optional.empty();
        }
        try {
            Optional<String> stored = store.take(options.sessionKeyPrefix() + pid);
            if (stored.isEmpty() || store.range(options.streamName(), offset, offset).isEmpty()) {
                return Optional.empty(); // unknown or expired session, or an offset trimmed off the stream
            }
            SessionSnapshot session = snapshot(StreamsCodec.fromSession(stored.get()), pid);
            return Optional.of(new RestoredSession(session, missed(session.rooms(), offset)));
        } catch (IllegalStateException | IllegalArgumentException | ProtocolException e) {
            LOG.log(Level.WARNING, "SOCKETEE-REDIS-016 could not restore session " + pid + "; the client gets a new one", e);
            return Optional.empty();
        }
    }

    @SuppressWarnings("unchecked")
    private SessionSnapshot snapshot(Json.Obj session, String pid) {
        Map<String, Json> f = session.fields();
        if (!(f.get("sid") instanceof Json.Str sid)) {
            throw new ProtocolException(ProtocolException.Kind.CLUSTER, "session: no sid");
        }
        Set<String> rooms = new LinkedHashSet<>();
        if (f.get("rooms") instanceof Json.Arr a) {
            a.items().forEach(r -> {
                if (r instanceof Json.Str s) {
                    rooms.add(s.value());
                }
            });
        }
        Object data = f.containsKey("data") ? host.toJava(f.get("data")) : Map.of();
        return new SessionSnapshot(sid.value(), pid, rooms,
                data instanceof Map<?, ?> d ? (Map<String, Object>) d : Map.of());
    }

    /** The broadcasts of this namespace after {@code offset} that reached {@code rooms}, each with its id appended. */
    private List<Packet> missed(Set<String> rooms, String offset) {
        List<Packet> missed = new ArrayList<>();
        String from = offset;
        for (int i = 0; i < MAX_RANGE_CALLS; i++) {
            List<StreamEntry> page = store.range(options.streamName(), next(from), "+");
            if (page.isEmpty()) {
                break;
            }
            for (StreamEntry e : page) {
                from = e.id();
                if (!host.name().equals(e.fields().get("nsp")) || !"3".equals(e.fields().get("type"))) {
                    continue;
                }
                StreamsCodec.fromEntry(e.fields()).flatMap(m -> missedPacket(m, rooms, e.id())).ifPresent(missed::add);
            }
        }
        return missed;
    }

    private Optional<Packet> missedPacket(ClusterMessage m, Set<String> rooms, String id) {
        Json.Obj data = m.data().orElse(null);
        if (m.type() != MessageType.BROADCAST || data == null
                || !(data.fields().get("packet") instanceof Json.Obj packet)
                || !(packet.fields().get("data") instanceof Json.Arr args)
                || !(data.fields().get("opts") instanceof Json.Obj opts)) {
            return Optional.empty();
        }
        if (!included(rooms, names(opts.fields().get("rooms")), names(opts.fields().get("except")))) {
            return Optional.empty();
        }
        List<Json> items = new ArrayList<>(args.items());
        items.add(new Json.Str(id));
        return Optional.of(host.packet(new SocketIoPacket(SocketIoPacketType.EVENT, host.name(), SocketIoPacket.NO_ID,
                new Json.Arr(items))));
    }

    /** The reference's {@code shouldIncludePacket}. */
    private static boolean included(Set<String> sessionRooms, Set<String> rooms, Set<String> except) {
        boolean selected = rooms.isEmpty() || !Collections.disjoint(sessionRooms, rooms);
        return selected && Collections.disjoint(sessionRooms, except);
    }

    private static Set<String> names(Json list) {
        Set<String> out = new LinkedHashSet<>();
        if (list instanceof Json.Arr a) {
            a.items().forEach(r -> {
                if (r instanceof Json.Str s) {
                    out.add(s.value());
                }
            });
        }
        return out;
    }

    /** The id right after {@code id} ({@code ms-(seq+1)}), for XRANGE without exclusive ranges (Redis before 6.2). */
    static String next(String id) {
        int dash = id.indexOf('-');
        return id.substring(0, dash) + "-" + (Long.parseLong(id.substring(dash + 1)) + 1);
    }

    @Override
    public void close() {
        subscription.close();
        onClose.run();
        super.close();
    }
}
