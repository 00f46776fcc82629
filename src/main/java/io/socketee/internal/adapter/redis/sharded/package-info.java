/**
 * The sharded Redis adapter ({@code socketio.adapter=redis-sharded}), speaking
 * {@code createShardedAdapter} of {@code @socket.io/redis-adapter} 8.3: the ClusterAdapter rules of
 * {@link io.socketee.internal.adapter.cluster} over Redis 7 sharded Pub/Sub (SPUBLISH, SSUBSCRIBE)
 * on a Redis Cluster. Channel names are in {@code ShardedOptions} and the wire format in
 * {@code ShardedCodec}, both pure; {@code JedisShardedBus} is the one class here that talks to
 * Redis, behind {@code ShardedBus}, and keeps the subscriptions on whichever master serves each
 * channel's slot.
 *
 * <p>Layer rule: as every adapter, nothing of the engine, the transports or the Socket.IO layer.
 * Each class states its thread-safety.
 */
package io.socketee.internal.adapter.redis.sharded;
