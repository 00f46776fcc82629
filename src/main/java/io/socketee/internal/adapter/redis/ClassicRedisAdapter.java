package io.socketee.internal.adapter.redis;

import io.socketee.internal.metrics.MetricsRecorder;
import io.socketee.internal.metrics.Counter;
import io.socketee.AckTimeoutException;
import io.socketee.Args;
import io.socketee.IoException;
import io.socketee.adapter.ForwardingAdapter;
import io.socketee.adapter.BroadcastAck;
import io.socketee.adapter.BroadcastOptions;
import io.socketee.adapter.Packet;
import io.socketee.adapter.SocketDetails;
import io.socketee.internal.adapter.NamespaceHost;
import io.socketee.internal.adapter.cluster.PendingRequests;
import io.socketee.internal.adapter.cluster.SocketDescriptions;
import io.socketee.internal.adapter.cluster.RemoteAcks;
import io.socketee.internal.adapter.cluster.WireOptions;
import io.socketee.internal.adapter.memory.InMemoryAdapter;
import io.socketee.internal.adapter.redis.ClassicMessage.AllRooms;
import io.socketee.internal.adapter.redis.ClassicMessage.Broadcast;
import io.socketee.internal.adapter.redis.ClassicMessage.BroadcastClientCount;
import io.socketee.internal.adapter.redis.ClassicMessage.BroadcastWithAck;
import io.socketee.internal.adapter.redis.ClassicMessage.DisconnectSockets;
import io.socketee.internal.adapter.redis.ClassicMessage.Done;
import io.socketee.internal.adapter.redis.ClassicMessage.FetchSockets;
import io.socketee.internal.adapter.redis.ClassicMessage.LegacySocketRequest;
import io.socketee.internal.adapter.redis.ClassicMessage.Request;
import io.socketee.internal.adapter.redis.ClassicMessage.Response;
import io.socketee.internal.adapter.redis.ClassicMessage.RoomsResponse;
import io.socketee.internal.adapter.redis.ClassicMessage.ServerSideEmit;
import io.socketee.internal.adapter.redis.ClassicMessage.ServerSideEmitResponse;
import io.socketee.internal.adapter.redis.ClassicMessage.Sockets;
import io.socketee.internal.adapter.redis.ClassicMessage.SocketsJoin;
import io.socketee.internal.adapter.redis.ClassicMessage.SocketsLeave;
import io.socketee.internal.adapter.redis.ClassicMessage.SocketsResponse;
import io.socketee.internal.adapter.redis.ClassicMessage.Target;
import io.socketee.internal.protocol.ProtocolException;
import io.socketee.internal.protocol.json.Json;
import io.socketee.internal.protocol.socketio.SocketIoPacket;
import io.socketee.internal.protocol.socketio.SocketIoPacketType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The adapter of one namespace in a cluster that shares Redis, speaking the classic protocol of
 * Node's {@code @socket.io/redis-adapter} ({@code createAdapter}) and {@code @socket.io/redis-emitter}
 * byte for byte, so SocketEE and Node servers can share rooms. Local sockets and their rooms stay
 * in the wrapped {@link InMemoryAdapter}; this class adds the other servers: it publishes what
 * concerns them, answers their requests and collects their responses (the cluster rules), over a
 * {@link RedisBus}.
 *
 * <p>The wire is the classic protocol's own (responses to everyone, NUMSUB counting, the legacy
 * per-socket requests), so only the bookkeeping of requests and acks is shared with the other
 * cluster adapters ({@link PendingRequests}, {@link RemoteAcks}, {@link WireOptions}).
 *
 * <p>Thread-safe: pending requests are in {@link PendingRequests} and complete once; messages from Redis
 * arrive on the bus's subscriber thread, one at a time; a malformed one is logged and dropped.
 * Like the Node adapter, socketsJoin, socketsLeave and disconnectSockets are fire-and-forget, and
 * a request that waits for answers counts the servers with {@code PUBSUB NUMSUB} and fails after
 * the requests timeout when some never answer (a server that died).
 */
public final class ClassicRedisAdapter extends ForwardingAdapter {
    private static final Logger LOG = Logger.getLogger(ClassicRedisAdapter.class.getName());

    private final NamespaceHost host;
    private final InMemoryAdapter local;
    private final RedisBus bus;
    private final ClassicChannels channels;
    private final String uid;
    private final Duration requestsTimeout;
    private final MetricsRecorder metrics;
    private final Supplier<String> requestIds;
    private final PendingRequests<Response> pending;
    private final RedisBus.Subscription subscription;

    /**
     * Creates the adapter and subscribes it.
     *
     * @param prefix the key prefix, {@code socket.io} unless every node of the cluster uses another
     * @param uid this node's id for this namespace (never {@code emitter})
     * @param requestIds new request ids, unique across the cluster
     */
    public ClassicRedisAdapter(NamespaceHost host, InMemoryAdapter local, RedisBus bus, String prefix, String uid,
            Duration requestsTimeout, ScheduledExecutorService scheduler, Supplier<String> requestIds) {
        this(host, local, bus, prefix, uid, requestsTimeout, scheduler, requestIds, MetricsRecorder.NONE);
    }

    /** As the other constructor, with request timeouts and bad messages counted in {@code metrics}. */
    public ClassicRedisAdapter(NamespaceHost host, InMemoryAdapter local, RedisBus bus, String prefix, String uid,
            Duration requestsTimeout, ScheduledExecutorService scheduler, Supplier<String> requestIds,
            MetricsRecorder metrics) {
        super(local);
        this.metrics = metrics;
        this.host = host;
        this.local = local;
        this.bus = bus;
        this.channels = new ClassicChannels(prefix, host.name());
        this.uid = uid;
        this.requestsTimeout = requestsTimeout;
        this.requestIds = requestIds;
        this.pending = new PendingRequests<>(scheduler, () -> metrics.increment(Counter.REDIS_REQUEST_TIMEOUTS));
        this.subscription = bus.subscribe(List.of(globEscaped(channels.broadcast()) + "*"),
                List.of(channels.request(), channels.response(), channels.responseFor(uid)), this::onMessage);
    }

    /** This node's id in the cluster, for this namespace. */
    public String uid() {
        return uid;
    }

    // ---- membership, recovery: local only (ForwardingAdapter passes them to the in-memory adapter)

    // ---- operations ------------------------------------------------------------------------

    @Override
    public void broadcast(Packet packet, BroadcastOptions options) {
        if (!options.local()) {
            Broadcast b = new Broadcast(uid, host.name(), (Json.Arr) host.wire(packet).data(), target(options), flags(options, false));
            bus.publish(channels.broadcastFor(List.copyOf(options.rooms())), ClassicCodec.encode(b));
        }
        local.broadcast(packet, options);
    }

    @Override
    public void broadcastWithAck(Packet packet, BroadcastOptions options, BroadcastAck ack) {
        if (!options.local()) {
            String requestId = requestIds.get();
            // answers from other servers count until the broadcast's timeout (the requests timeout when it has none)
            pending.awaitAcks(requestId, ack, options.timeout().orElse(requestsTimeout));
            bus.publish(channels.request(), ClassicCodec.encode(new BroadcastWithAck(Optional.of(uid), requestId,
                    host.name(), (Json.Arr) host.wire(packet).data(), target(options), flags(options, true))));
        }
        local.broadcastWithAck(packet, options, ack);
    }

    @Override
    public CompletionStage<List<SocketDetails>> fetchSockets(BroadcastOptions options) {
        CompletionStage<List<SocketDetails>> mine = local.fetchSockets(options);
        int servers = options.local() ? 1 : serverCount();
        if (servers <= 1) {
            return mine;
        }
        String requestId = requestIds.get();
        CompletableFuture<List<Response>> others = request(new FetchSockets(Optional.of(uid), requestId, target(options)),
                requestId, servers - 1, options.timeout().orElse(requestsTimeout), "fetchSockets");
        return mine.thenCombine(others, (found, responses) -> SocketDescriptions.withRemote(found, responses.stream()
                .<Json.Arr>mapMulti((r, out) -> {
                    if (r instanceof SocketsResponse s) {
                        out.accept(s.sockets());
                    }
                }).toList(), host));
    }

    @Override
    public void addSockets(BroadcastOptions options, Collection<String> rooms) {
        local.addSockets(options, rooms);
        if (!options.local()) {
            bus.publish(channels.request(), ClassicCodec.encode(new SocketsJoin(Optional.of(uid), target(options),
                    List.copyOf(rooms))));
        }
    }

    @Override
    public void delSockets(BroadcastOptions options, Collection<String> rooms) {
        local.delSockets(options, rooms);
        if (!options.local()) {
            bus.publish(channels.request(), ClassicCodec.encode(new SocketsLeave(Optional.of(uid), target(options),
                    List.copyOf(rooms))));
        }
    }

    @Override
    public void disconnectSockets(BroadcastOptions options, boolean close) {
        if (!options.local()) {
            bus.publish(channels.request(), ClassicCodec.encode(new DisconnectSockets(Optional.of(uid), target(options),
                    close)));
        }
        local.disconnectSockets(options, close);
    }

    @Override
    public void serverSideEmit(List<Object> args) {
        bus.publish(channels.request(), ClassicCodec.encode(new ServerSideEmit(Optional.of(uid), Optional.empty(),
                host.toJson(args))));
    }

    @Override
    public CompletionStage<List<Object>> serverSideEmitWithAck(List<Object> args, Duration timeout) {
        int others = serverCount() - 1;
        if (others <= 0) {
            return CompletableFuture.completedFuture(List.of());
        }
        String requestId = requestIds.get();
        return request(new ServerSideEmit(Optional.of(uid), Optional.of(requestId), host.toJson(args)), requestId,
                others, timeout, "serverSideEmit").thenApply(responses -> {
                    List<Object> answers = new ArrayList<>();
                    for (Response r : responses) {
                        if (r instanceof ServerSideEmitResponse e) {
                            answers.add(host.toJava(e.data()));
                        }
                    }
                    return java.util.Collections.unmodifiableList(answers);
                });
    }

    @Override
    public CompletionStage<Set<String>> allRooms() {
        Set<String> mine = local.rooms();
        int servers = serverCount();
        if (servers <= 1) {
            return CompletableFuture.completedFuture(mine);
        }
        String requestId = requestIds.get();
        return request(new AllRooms(Optional.of(uid), requestId), requestId, servers - 1, requestsTimeout, "allRooms")
                .thenApply(responses -> {
                    Set<String> all = new LinkedHashSet<>(mine);
                    for (Response r : responses) {
                        if (r instanceof RoomsResponse rooms) {
                            all.addAll(rooms.rooms());
                        }
                    }
                    return java.util.Collections.unmodifiableSet(all);
                });
    }

    /** {@code PUBSUB NUMSUB} of the request channel; 1 (this server alone) when Redis is away. */
    @Override
    public int serverCount() {
        try {
            return (int) Math.max(1, bus.numSub(channels.request()));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "cannot count the servers; counting this one only", e);
            return 1;
        }
    }

    @Override
    public void close() {
        subscription.close();
        pending.close("the adapter of " + host.name() + " was closed");
        super.close();
    }

    // ---- requests with answers -------------------------------------------------------------

    private CompletableFuture<List<Response>> request(Request request, String requestId, int expected, Duration timeout,
            String what) {
        CompletableFuture<List<Response>> result = pending.await(requestId, expected, timeout,
                partial -> timedOut(what, partial, expected));
        bus.publish(channels.request(), ClassicCodec.encode(request));
        return result;
    }

    /** Why a request failed: for serverSideEmit, the answers that came; else how many servers answered. */
    private Throwable timedOut(String what, List<Response> partial, int expected) {
        if (what.equals("serverSideEmit")) {
            List<Args> answers = new ArrayList<>();
            for (Response r : partial) {
                if (r instanceof ServerSideEmitResponse e) {
                    answers.add(host.jsonArgs(List.of(e.data())));
                }
            }
            return new AckTimeoutException(answers);
        }
        return new IoException("timeout reached while waiting for " + what + " response: only " + partial.size()
                + " of " + expected + " servers answered");
    }

    // ---- messages from Redis ---------------------------------------------------------------

    private void onMessage(String channel, byte[] message) {
        try {
            if (channel.equals(channels.request())) {
                onRequest(ClassicCodec.decodeRequest(message));
            } else if (channel.equals(channels.response()) || channel.equals(channels.responseFor(uid))) {
                onResponse(ClassicCodec.decodeResponse(message));
            } else if (channels.roomOf(channel) != null) {
                onBroadcast(channels.roomOf(channel), message);
            }
        } catch (ProtocolException e) {
            metrics.increment(Counter.REDIS_ERRORS);
            LOG.warning(() -> "SOCKETEE-REDIS-002 dropped a malformed message on " + channel + ": " + e.getMessage());
        } catch (RuntimeException e) {
            metrics.increment(Counter.REDIS_ERRORS);
            LOG.log(Level.WARNING, "SOCKETEE-REDIS-003 failed to handle a message on " + channel, e);
        }
    }

    private void onBroadcast(String room, byte[] message) {
        if (!room.isEmpty() && local.sockets(Set.of(room)).isEmpty()) {
            return; // nobody here is in that one room
        }
        Broadcast b = ClassicCodec.decodeBroadcast(message);
        if (b.uid().equals(uid) || !b.nsp().equals(host.name())) {
            return;
        }
        local.broadcast(host.packet(new SocketIoPacket(SocketIoPacketType.EVENT, host.name(), SocketIoPacket.NO_ID,
                b.data())), options(b.target(), b.flags()));
    }

    private void onRequest(Request request) {
        boolean mine = request.uid().filter(uid::equals).isPresent();
        if (request instanceof Sockets s) {
            if (!pending.waiting(s.requestId())) {
                List<Json> ids = new ArrayList<>();
                local.sockets(new LinkedHashSet<>(s.rooms())).forEach(id -> ids.add(new Json.Str(id)));
                respond(new SocketsResponse(s.requestId(), new Json.Arr(ids)));
            }
        } else if (request instanceof AllRooms a) {
            if (!pending.waiting(a.requestId())) {
                respond(new RoomsResponse(a.requestId(), List.copyOf(local.rooms())));
            }
        } else if (request instanceof SocketsJoin j) {
            if (!mine) {
                local.addSockets(options(j.target(), null), j.rooms());
            }
        } else if (request instanceof SocketsLeave l) {
            if (!mine) {
                local.delSockets(options(l.target(), null), l.rooms());
            }
        } else if (request instanceof DisconnectSockets d) {
            if (!mine) {
                local.disconnectSockets(options(d.target(), null), d.close());
            }
        } else if (request instanceof LegacySocketRequest l) {
            onLegacy(l);
        } else if (request instanceof FetchSockets f) {
            if (!pending.waiting(f.requestId())) {
                local.fetchSockets(options(f.target(), null)).thenAccept(found -> {
                    List<Json> items = new ArrayList<>();
                    found.forEach(d -> items.add(SocketDescriptions.encode(d, host)));
                    respond(new SocketsResponse(f.requestId(), new Json.Arr(items)));
                });
            }
        } else if (request instanceof ServerSideEmit e) {
            if (!mine) {
                host.receiveServerSideJson(e.data(), e.requestId()
                        .<java.util.function.Consumer<Json>>map(id -> answer -> respond(new ServerSideEmitResponse(id, answer)))
                        .orElse(null));
            }
        } else if (request instanceof BroadcastWithAck b) {
            if (!pending.awaitingAcks(b.requestId()) && b.nsp().equals(host.name())) {
                onBroadcastWithAck(b);
            }
        }
    }

    private void onLegacy(LegacySocketRequest l) {
        host.socket(l.sid()).ifPresent(socket -> {
            switch (l.type()) {
                case 2 -> l.room().ifPresent(socket::join);
                case 3 -> l.room().ifPresent(socket::leave);
                default -> socket.disconnect(l.close());
            }
            respond(new Done(l.requestId()));
        });
    }

    /** Another server's broadcast with acks: ask the local sockets, then report the count and each answer. */
    private void onBroadcastWithAck(BroadcastWithAck b) {
        String requestId = b.requestId();
        Packet packet = host.packet(new SocketIoPacket(SocketIoPacketType.EVENT, host.name(), host.nextAckId(), b.data()));
        local.broadcastWithAck(packet, options(b.target(), b.flags()), new RemoteAcks(host,
                count -> respond(new BroadcastClientCount(requestId, count)),
                answer -> respond(new ClassicMessage.BroadcastAck(requestId, answer))));
    }

    private void onResponse(Response response) {
        if (pending.answer(response.requestId(), response)) {
            return;
        }
        BroadcastAck ack = pending.acks(response.requestId()).orElse(null);
        if (ack == null) {
            return; // another server's request, or one that timed out
        }
        if (response instanceof BroadcastClientCount c) {
            ack.expect(c.clientCount());
        } else if (response instanceof ClassicMessage.BroadcastAck a) {
            ack.answered(host.jsonArgs(List.of(a.packet())));
        }
    }

    private void respond(Response response) {
        bus.publish(channels.response(), ClassicCodec.encode(response));
    }

    // ---- options on the wire ---------------------------------------------------------------

    private static Target target(BroadcastOptions options) {
        return new Target(List.copyOf(options.rooms()), List.copyOf(options.except()));
    }

    private static Json.Obj flags(BroadcastOptions options, boolean withTimeout) {
        return WireOptions.flags(options, withTimeout);
    }

    /** What a message from another server selects, delivered here only. */
    private static BroadcastOptions options(Target target, Json.Obj flags) {
        return WireOptions.options(target.rooms(), target.except(), flags);
    }

    /** {@code text} with Redis glob characters escaped, for a PSUBSCRIBE pattern. */
    static String globEscaped(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
