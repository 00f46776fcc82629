/**
 * The Redis Streams adapter ({@code socketio.adapter=redis-streams}), speaking
 * {@code @socket.io/redis-streams-adapter} 0.3.x: the ClusterAdapter rules of
 * {@link io.socketee.internal.adapter.cluster} over a Redis stream (messages that last) and
 * pub/sub (requests and answers). The wire format is pure ({@code StreamsCodec}); the node's one
 * {@code StreamWriter} and {@code StreamReader} are the threads that wait on Redis, so an outage
 * delays messages instead of losing them; {@code JedisStreamsStore} is the one class here that
 * talks to Redis, behind {@code StreamsStore}.
 *
 * <p>Layer rule: as every adapter, nothing of the engine, the transports or the Socket.IO layer.
 * Each class states its thread-safety.
 */
package io.socketee.internal.adapter.redis.streams;
