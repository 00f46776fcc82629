/**
 * Pure codecs for the wire protocols: JSON ({@code json}), Engine.IO ({@code engine}) and
 * Socket.IO ({@code socketio}), following the public specifications
 * <a href="https://github.com/socketio/engine.io-protocol">socketio/engine.io-protocol</a> (v3, v4)
 * and <a href="https://github.com/socketio/socket.io-protocol">socketio/socket.io-protocol</a>
 * (v4, v5). Text and bytes in, records out; every decoder is bounded and fails only with
 * {@link io.socketee.internal.protocol.ProtocolException}, which names the grammar broken.
 *
 * <p>Layer rule: the bottom layer. It depends on no other SocketEE package, the public API
 * included, and on no Jakarta, I/O, thread or clock class (checked by {@code ArchitectureTest}).
 * Every class here is immutable or stateless, and so thread-safe, except the Socket.IO decoder,
 * which keeps one connection's reassembly state and is confined to that connection.
 */
package io.socketee.internal.protocol;
