/**
 * The Redis adapter ({@code socketio.adapter=redis}), speaking the classic protocol of Node's
 * {@code @socket.io/redis-adapter} ({@code createAdapter}) and {@code @socket.io/redis-emitter}.
 * The wire format is pure (no Redis client, threads or clock): channel names
 * * ({@code ClassicChannels}), MessagePack as notepack.io writes it (the protocol layer's {@code Msgpack}), every
 * broadcast, request and response as a record ({@code ClassicMessage}, {@code ClassicCodec},
 * {@code SocketDescriptions}); the emitter uses it too. On it, {@code ClassicRedisAdapter} keeps
 * the classic protocol's rules over the bookkeeping every cluster adapter shares
 * ({@link io.socketee.internal.adapter.cluster}), and {@code JedisRedisBus} is the one class that talks to Redis, behind
 * {@code RedisBus}.
 *
 * <p>Layer rule: an adapter never touches a connection: nothing of the engine, the transports or
 * the Socket.IO layer (checked by {@code ArchitectureTest}). The records are immutable; each other
 * class states its thread-safety.
 */
package io.socketee.internal.adapter.redis;
