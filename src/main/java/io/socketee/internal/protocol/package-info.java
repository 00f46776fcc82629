/**
 * Pure codecs for the wire protocols: JSON ({@code json}), Engine.IO ({@code engine}) and
 * Socket.IO ({@code socketio}), following the public specifications
 * <a href="https://github.com/socketio/engine.io-protocol">socketio/engine.io-protocol</a> (v3, v4)
 * and <a href="https://github.com/socketio/socket.io-protocol">socketio/socket.io-protocol</a>
 * (v4, v5). Text and bytes in, records out; every decoder is bounded and fails only with
 * {@link io.socketee.internal.protocol.ProtocolException}.
 */
package io.socketee.internal.protocol;
