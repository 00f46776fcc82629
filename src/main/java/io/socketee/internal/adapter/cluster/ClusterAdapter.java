package io.socketee.internal.adapter.cluster;

import io.socketee.AckTimeoutException;
import io.socketee.Args;
import io.socketee.IoException;
import io.socketee.adapter.BroadcastAck;
import io.socketee.adapter.BroadcastOptions;
import io.socketee.adapter.ForwardingAdapter;
import io.socketee.adapter.Packet;
import io.socketee.adapter.SocketDetails;
import io.socketee.internal.adapter.NamespaceHost;
import io.socketee.internal.adapter.memory.InMemoryAdapter;
import io.socketee.internal.protocol.ProtocolException;
import io.socketee.internal.protocol.json.Json;
import io.socketee.internal.protocol.socketio.SocketIoPacket;
import io.socketee.internal.protocol.socketio.SocketIoPacketType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
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

/**
 * The rules of socket.io-adapter's {@code ClusterAdapter}, once, for every transport that carries
 * its messages ({@link ClusterMessage}): a subclass only publishes a message (returning its offset
 * when the transport has one), publishes a response to one server, counts the servers, and hands
 * every message it receives to {@link #onMessage}. Local sockets and rooms stay in the wrapped
 * {@link InMemoryAdapter}.
 *
 * <p>As Node's: every server applies socketsJoin, socketsLeave and disconnectSockets (the sender
 * locally, the others from the message, the sender's echo dropped by uid); a request that waits
 * for answers expects {@code serverCount() - 1} of them and fails after its timeout; with
 * connection state recovery on, a broadcast EVENT without ack id that is not volatile gets the
 * transport's offset appended as its last argument, on every server, so a client can recover on
 * any of them. {@code allRooms} is not part of this protocol and fails.
 *
 * <p>Thread-safe: requests are in {@link PendingRequests}; {@link #onMessage} may be called from
 * any thread, and a malformed message is logged and dropped.
 */
public abstract class ClusterAdapter extends ForwardingAdapter {
    private static final Logger LOG = Logger.getLogger(ClusterAdapter.class.getName());

    /** The namespace. */
    protected final NamespaceHost host;
    /** This server's sockets and rooms. */
    protected final InMemoryAdapter local;
    private final String uid;
    private final Duration requestsTimeout;
    private final boolean recovery;
    private final Supplier<String> requestIds;
    private final PendingRequests<ClusterMessage> pending;
    private final Runnable onBadMessage;

    /**
     * @param local the in-memory adapter, without its own recovery store: offsets are the transport's
     * @param uid this server's id for this namespace (16 hex characters, as Node's)
     * @param requestsTimeout how long requests without a timeout of their own wait for answers
     * @param recovery whether connection state recovery is on (offsets are appended)
     * @param requestIds new request ids, unique across the cluster
     * @param onTimeout called each time a request times out (a metric)
     * @param onBadMessage called each time a message is dropped as malformed (a metric)
     */
    protected ClusterAdapter(NamespaceHost host, InMemoryAdapter local, String uid, Duration requestsTimeout,
            boolean recovery, ScheduledExecutorService scheduler, Supplier<String> requestIds, Runnable onTimeout,
            Runnable onBadMessage) {
        super(local);
        this.host = host;
        this.local = local;
        this.uid = uid;
        this.requestsTimeout = requestsTimeout;
        this.recovery = recovery;
        this.requestIds = requestIds;
        this.pending = new PendingRequests<>(scheduler, onTimeout);
        this.onBadMessage = onBadMessage;
    }

    /**
     * Publishes {@code message} to every server; completes with its offset ({@code ""} when the
     * transport has none), or exceptionally when it could not be published.
     */
    protected abstract CompletionStage<String> publish(ClusterMessage message);

    /** Publishes {@code response} to server {@code requesterUid} alone. */
    protected abstract void publishResponse(String requesterUid, ClusterMessage response);

    /**
     * The servers {@code subscribers} counts (the subscribers of the namespace's channel), at
     * least this one; 1 (this server alone) when it cannot count them now.
     */
    protected static int countedServers(java.util.function.LongSupplier subscribers) {
        try {
            return (int) Math.max(1, subscribers.getAsLong());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "cannot count the servers; counting this one only", e);
            return 1;
        }
    }

    /** This server's id in the cluster, for this namespace. */
    public String uid() {
        return uid;
    }

    // ---- operations ------------------------------------------------------------------------

    @Override
    public void broadcast(Packet packet, BroadcastOptions options) {
        if (options.local()) {
            local.broadcast(packet, options);
            return;
        }
        SocketIoPacket wire = host.wire(packet);
        CompletionStage<String> offset = publish(message(MessageType.BROADCAST,
                fields("packet", packetJson(wire), "opts", opts(options, false))));
        if (!recovery) {
            // nothing to append: local sockets need not wait for the transport
            offset.exceptionally(e -> logged("broadcast", e));
            local.broadcast(packet, options);
            return;
        }
        offset.whenComplete((o, e) -> {
            if (e != null) {
                logged("broadcast", e);
                local.broadcast(packet, options);
            } else {
                local.broadcast(withOffset(wire, options, o).orElse(packet), options);
            }
        });
    }

    @Override
    public void broadcastWithAck(Packet packet, BroadcastOptions options, BroadcastAck ack) {
        if (!options.local()) {
            String requestId = requestIds.get();
            // answers from other servers count until the broadcast's timeout (the requests timeout when it has none)
            pending.awaitAcks(requestId, ack, options.timeout().orElse(requestsTimeout));
            publish(message(MessageType.BROADCAST, fields("packet", packetJson(host.wire(packet)),
                    "requestId", new Json.Str(requestId), "opts", opts(options, true))))
                    .exceptionally(e -> logged("broadcast with acks", e));
        }
        local.broadcastWithAck(packet, options, ack);
    }

    @Override
    public void addSockets(BroadcastOptions options, Collection<String> rooms) {
        if (!options.local()) {
            publishQuietly(MessageType.SOCKETS_JOIN, fields("opts", opts(options, false), "rooms", strings(rooms)));
        }
        local.addSockets(options, rooms);
    }

    @Override
    public void delSockets(BroadcastOptions options, Collection<String> rooms) {
        if (!options.local()) {
            publishQuietly(MessageType.SOCKETS_LEAVE, fields("opts", opts(options, false), "rooms", strings(rooms)));
        }
        local.delSockets(options, rooms);
    }

    @Override
    public void disconnectSockets(BroadcastOptions options, boolean close) {
        if (!options.local()) {
            publishQuietly(MessageType.DISCONNECT_SOCKETS, fields("opts", opts(options, false), "close", Json.of(close)));
        }
        local.disconnectSockets(options, close);
    }

    @Override
    public CompletionStage<List<SocketDetails>> fetchSockets(BroadcastOptions options) {
        CompletionStage<List<SocketDetails>> mine = local.fetchSockets(options);
        int expected = options.local() ? 0 : serverCount() - 1;
        if (expected <= 0) {
            return mine;
        }
        String requestId = requestIds.get();
        CompletableFuture<List<ClusterMessage>> others = pending.await(requestId, expected,
                options.timeout().orElse(requestsTimeout), partial -> new IoException("timeout reached: only "
                        + partial.size() + " responses received out of " + expected));
        publishQuietly(MessageType.FETCH_SOCKETS, fields("opts", opts(options, false), "requestId", new Json.Str(requestId)));
        return mine.thenCombine(others, (found, responses) -> SocketDescriptions.withRemote(found, responses.stream()
                .<Json.Arr>mapMulti((r, out) -> {
                    if (field(r, "sockets") instanceof Json.Arr sockets) {
                        out.accept(sockets);
                    }
                }).toList(), host));
    }

    @Override
    public void serverSideEmit(List<Object> args) {
        publishQuietly(MessageType.SERVER_SIDE_EMIT, fields("packet", host.toJson(args)));
    }

    @Override
    public CompletionStage<List<Object>> serverSideEmitWithAck(List<Object> args, Duration timeout) {
        int expected = serverCount() - 1;
        if (expected <= 0) {
            return CompletableFuture.completedFuture(List.of());
        }
        String requestId = requestIds.get();
        CompletableFuture<List<ClusterMessage>> answers = pending.await(requestId, expected, timeout, partial -> {
            List<Args> got = new ArrayList<>();
            partial.forEach(r -> got.add(host.jsonArgs(List.of(answer(r)))));
            return new AckTimeoutException(got);
        });
        publishQuietly(MessageType.SERVER_SIDE_EMIT, fields("requestId", new Json.Str(requestId), "packet",
                host.toJson(args)));
        return answers.thenApply(responses -> {
            List<Object> values = new ArrayList<>();
            responses.forEach(r -> values.add(host.toJava(answer(r))));
            return Collections.unmodifiableList(values);
        });
    }

    /** Not part of the ClusterAdapter protocol (Node's adapters on it have none): fails. */
    @Override
    public CompletionStage<Set<String>> allRooms() {
        return CompletableFuture.failedFuture(new IoException("allRooms() is not supported by the "
                + "ClusterAdapter protocol (socketio.adapter=redis-streams); use fetchSockets()"));
    }

    @Override
    public void close() {
        pending.close("the adapter of " + host.name() + " was closed");
        super.close();
    }

    // ---- messages from the other servers ---------------------------------------------------

    /**
     * Handles one message from the transport; {@code offset} is its place in the transport
     * ({@code ""} when it has none). Messages of this server and of other namespaces are ignored.
     */
    protected final void onMessage(ClusterMessage message, String offset) {
        if (message.uid().equals(uid) || !message.nsp().equals(host.name())) {
            return;
        }
        try {
            switch (message.type()) {
                case BROADCAST -> onBroadcast(message, offset);
                case SOCKETS_JOIN -> local.addSockets(options(message), strings(field(message, "rooms")));
                case SOCKETS_LEAVE -> local.delSockets(options(message), strings(field(message, "rooms")));
                case DISCONNECT_SOCKETS -> local.disconnectSockets(options(message),
                        field(message, "close") instanceof Json.Bool b && b.value());
                case FETCH_SOCKETS -> onFetchSockets(message);
                case SERVER_SIDE_EMIT -> onServerSideEmit(message);
                case FETCH_SOCKETS_RESPONSE, SERVER_SIDE_EMIT_RESPONSE, BROADCAST_CLIENT_COUNT, BROADCAST_ACK ->
                        onResponse(message);
                case INITIAL_HEARTBEAT, HEARTBEAT, ADAPTER_CLOSE -> {
                    // the heartbeat variant's; this adapter counts servers without them
                }
            }
        } catch (ProtocolException e) {
            onBadMessage.run();
            LOG.warning(() -> "SOCKETEE-CLUSTER-001 dropped a malformed " + message.type() + " message: " + e.getMessage());
        } catch (RuntimeException e) {
            onBadMessage.run();
            LOG.log(Level.WARNING, "SOCKETEE-CLUSTER-002 failed to handle a " + message.type() + " message", e);
        }
    }

    private void onBroadcast(ClusterMessage message, String offset) {
        Json.Arr data = packetData(message);
        BroadcastOptions options = options(message);
        if (field(message, "requestId") instanceof Json.Str requestId) {
            Packet packet = host.packet(new SocketIoPacket(SocketIoPacketType.EVENT, host.name(), host.nextAckId(), data));
            local.broadcastWithAck(packet, options, new RemoteAcks(host,
                    count -> respond(message.uid(), MessageType.BROADCAST_CLIENT_COUNT,
                            fields("requestId", requestId, "clientCount", new Json.Num(count))),
                    answer -> respond(message.uid(), MessageType.BROADCAST_ACK,
                            fields("requestId", requestId, "packet", answer))));
            return;
        }
        SocketIoPacket wire = new SocketIoPacket(SocketIoPacketType.EVENT, host.name(), SocketIoPacket.NO_ID, data);
        Packet packet = recovery ? withOffset(wire, options, offset).orElse(host.packet(wire)) : host.packet(wire);
        local.broadcast(packet, options);
    }

    private void onFetchSockets(ClusterMessage message) {
        if (!(field(message, "requestId") instanceof Json.Str requestId)) {
            throw new ProtocolException(ProtocolException.Kind.CLUSTER, "fetchSockets: no requestId");
        }
        local.fetchSockets(options(message)).thenAccept(found -> {
            List<Json> items = new ArrayList<>();
            found.forEach(d -> items.add(SocketDescriptions.encode(d, host)));
            respond(message.uid(), MessageType.FETCH_SOCKETS_RESPONSE,
                    fields("requestId", requestId, "sockets", new Json.Arr(items)));
        });
    }

    private void onServerSideEmit(ClusterMessage message) {
        if (!(field(message, "packet") instanceof Json.Arr packet)) {
            throw new ProtocolException(ProtocolException.Kind.CLUSTER, "serverSideEmit: no packet");
        }
        java.util.function.Consumer<Json> reply = null;
        if (field(message, "requestId") instanceof Json.Str requestId) {
            reply = answer -> respond(message.uid(), MessageType.SERVER_SIDE_EMIT_RESPONSE,
                    fields("requestId", requestId, "packet", answer));
        }
        host.receiveServerSideJson(packet, reply);
    }

    private void onResponse(ClusterMessage response) {
        if (!(field(response, "requestId") instanceof Json.Str requestId)) {
            throw new ProtocolException(ProtocolException.Kind.CLUSTER, "response: no requestId");
        }
        String id = requestId.value();
        switch (response.type()) {
            case BROADCAST_CLIENT_COUNT -> pending.acks(id).ifPresent(ack -> {
                if (field(response, "clientCount") instanceof Json.Num n) {
                    ack.expect((int) n.value());
                }
            });
            case BROADCAST_ACK -> pending.acks(id).ifPresent(ack -> ack.answered(host.jsonArgs(List.of(answer(response)))));
            default -> pending.answer(id, response);
        }
    }

    private void respond(String requesterUid, MessageType type, Json.Obj data) {
        try {
            publishResponse(requesterUid, message(type, data));
        } catch (RuntimeException e) {
            logged("response", e);
        }
    }

    // ---- messages on the wire --------------------------------------------------------------

    private ClusterMessage message(MessageType type, Json.Obj data) {
        return new ClusterMessage(type, Optional.of(data), uid, host.name());
    }

    private void publishQuietly(MessageType type, Json.Obj data) {
        publish(message(type, data)).exceptionally(e -> logged(type.name(), e));
    }

    private static String logged(String what, Throwable e) {
        LOG.log(Level.FINE, "could not publish a " + what + " message; the other servers miss it", e);
        return "";
    }

    /**
     * {@code wire} with {@code offset} appended to its arguments, when recovery keeps such packets
     * (an EVENT without ack id, not volatile), as the reference's {@code addOffsetIfNecessary}.
     */
    private Optional<Packet> withOffset(SocketIoPacket wire, BroadcastOptions options, String offset) {
        if (wire.type() != SocketIoPacketType.EVENT || wire.hasId() || options.volatileDelivery()
                || !(wire.data() instanceof Json.Arr data)) {
            return Optional.empty();
        }
        List<Json> items = new ArrayList<>(data.items());
        items.add(new Json.Str(offset));
        return Optional.of(host.packet(new SocketIoPacket(SocketIoPacketType.EVENT, host.name(), SocketIoPacket.NO_ID,
                new Json.Arr(items))));
    }

    /** {@code {type: 2, data: [...]}}: a packet without its namespace (the message says it). */
    private static Json.Obj packetJson(SocketIoPacket wire) {
        return fields("type", new Json.Num(2), "data", wire.data());
    }

    private static Json.Arr packetData(ClusterMessage message) {
        if (field(message, "packet") instanceof Json.Obj packet && packet.fields().get("data") instanceof Json.Arr data) {
            return data;
        }
        throw new ProtocolException(ProtocolException.Kind.CLUSTER, "broadcast: no packet data");
    }

    private static Json.Obj opts(BroadcastOptions options, boolean withTimeout) {
        return fields("rooms", strings(options.rooms()), "except", strings(options.except()),
                "flags", WireOptions.flags(options, withTimeout));
    }

    /** What {@code message}'s {@code opts} select, delivered here only. */
    private static BroadcastOptions options(ClusterMessage message) {
        if (!(field(message, "opts") instanceof Json.Obj opts)) {
            throw new ProtocolException(ProtocolException.Kind.CLUSTER, message.type() + ": no opts");
        }
        return WireOptions.options(strings(opts.fields().get("rooms")), strings(opts.fields().get("except")),
                opts.fields().get("flags") instanceof Json.Obj f ? f : null);
    }

    /** The first answer a response carries ({@code packet}), null when it has none. */
    private static Json answer(ClusterMessage response) {
        Json packet = field(response, "packet");
        return packet == null ? Json.NULL : packet;
    }

    /** Field {@code name} of the message's data; null when absent. */
    private static Json field(ClusterMessage message, String name) {
        return message.data().map(d -> d.fields().get(name)).orElse(null);
    }

    private static Json.Arr strings(Collection<String> values) {
        return new Json.Arr(values.stream().<Json>map(Json.Str::new).toList());
    }

    /** Room names from the wire; a missing list is empty, numbers become their decimal text (Node rooms may be numbers). */
    private static List<String> strings(Json values) {
        if (values == null || values instanceof Json.Null) {
            return List.of();
        }
        if (!(values instanceof Json.Arr a)) {
            throw new ProtocolException(ProtocolException.Kind.CLUSTER, "rooms: not an array");
        }
        List<String> out = new ArrayList<>(a.items().size());
        for (Json item : a.items()) {
            if (item instanceof Json.Str s) {
                out.add(s.value());
            } else if (item instanceof Json.Num n) {
                out.add(io.socketee.internal.protocol.json.JsonWriter.numberToString(n.value()));
            } else {
                throw new ProtocolException(ProtocolException.Kind.CLUSTER, "rooms: not a string");
            }
        }
        return out;
    }

    /** An object of name-value pairs, in the order given (Node's key order). */
    private static Json.Obj fields(Object... pairs) {
        Map<String, Json> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Json) pairs[i + 1]);
        }
        return new Json.Obj(m);
    }
}
