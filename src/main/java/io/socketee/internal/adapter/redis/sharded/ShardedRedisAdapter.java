package io.socketee.internal.adapter.redis.sharded;

import io.socketee.internal.adapter.NamespaceHost;
import io.socketee.internal.adapter.cluster.ClusterAdapter;
import io.socketee.internal.adapter.cluster.ClusterMessage;
import io.socketee.internal.adapter.memory.InMemoryAdapter;
import io.socketee.internal.protocol.ProtocolException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The adapter of one namespace in a cluster on Redis sharded Pub/Sub, speaking the sharded
 * adapter of {@code @socket.io/redis-adapter} 8.3 ({@code createShardedAdapter}) byte for byte:
 * the {@link ClusterAdapter} rules, with every message SPUBLISHed on the channel
 * {@link ShardedOptions#channelOf} names and every answer on the requester's response channel,
 * as {@link ShardedCodec} encodes them; in the dynamic modes it also listens on the channels of
 * the rooms its server has sockets in ({@link RoomChannels}). Servers are counted with
 * {@code PUBSUB SHARDNUMSUB}.
 * Connection state recovery is not part of this protocol (offsets are empty), as in Node.
 *
 * <p>Thread-safe: the rules are; the bus is shared by the node's adapters.
 */
public final class ShardedRedisAdapter extends ClusterAdapter {
    private static final Logger LOG = Logger.getLogger(ShardedRedisAdapter.class.getName());

    private final ShardedBus bus;
    private final ShardedOptions options;
    private final List<ShardedBus.Subscription> subscriptions;
    private final RoomChannels rooms;

    /**
     * @param local the in-memory adapter, telling {@code rooms} when rooms appear and disappear in
     *     the dynamic modes
     * @param rooms the room channels of this namespace, which this adapter starts and closes
     */
    ShardedRedisAdapter(NamespaceHost host, InMemoryAdapter local, RoomChannels rooms, String uid, ShardedOptions options,
            ShardedBus bus, ScheduledExecutorService scheduler, Supplier<String> requestIds, Runnable onTimeout,
            Runnable onBadMessage) {
        super(host, local, uid, options.requestsTimeout(), false, scheduler, requestIds, onTimeout, onBadMessage);
        this.bus = bus;
        this.options = options;
        this.rooms = rooms;
        ShardedBus.Listener listener = payload -> onPayload(payload, onBadMessage);
        this.subscriptions = List.of(bus.subscribe(options.channel(host.name()), listener),
                bus.subscribe(options.responseChannel(host.name(), uid), listener));
        rooms.start(local, listener);
    }

    @Override
    protected CompletionStage<String> publish(ClusterMessage message) {
        bus.publish(options.channelOf(message), ShardedCodec.encode(message));
        return CompletableFuture.completedFuture("");
    }

    @Override
    protected void publishResponse(String requesterUid, ClusterMessage response) {
        bus.publish(options.responseChannel(host.name(), requesterUid), ShardedCodec.encode(response));
    }

    /** {@code PUBSUB SHARDNUMSUB} of the namespace's channel; 1 (this server alone) when the cluster is away. */
    @Override
    public int serverCount() {
        return countedServers(() -> bus.numSub(options.channel(host.name())));
    }

    @Override
    public void close() {
        subscriptions.forEach(ShardedBus.Subscription::close);
        rooms.close();
        super.close();
    }

    private void onPayload(byte[] payload, Runnable onBadMessage) {
        try {
            ShardedCodec.decode(payload).ifPresent(m -> onMessage(m, ""));
        } catch (ProtocolException e) {
            onBadMessage.run();
            LOG.warning(() -> "SOCKETEE-REDIS-002 dropped a malformed message on " + options.channel(host.name())
                    + ": " + e.getMessage());
        }
    }
}
