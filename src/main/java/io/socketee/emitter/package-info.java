/**
 * The Redis emitter: {@link io.socketee.emitter.Emitter} sends events to the clients of a
 * Socket.IO cluster, and makes their sockets join, leave or disconnect, from a Java process that
 * is not a Socket.IO server, with the messages of Node's {@code @socket.io/redis-emitter}.
 *
 * <p>Layer rule: it uses the Redis wire format ({@code internal.adapter.redis}), the value mapping
 * and the codec, and none of the engine, transports, Socket.IO layer or bootstrap, even
 * indirectly, so it runs without a server (checked by {@code ArchitectureTest}). Its public
 * signatures name no {@code internal} type. Emitters are immutable and thread-safe.
 */
package io.socketee.emitter;
