/**
 * JSON as Socket.IO carries it: an immutable value model ({@link io.socketee.internal.protocol.json.Json}),
 * a bounded parser matching JavaScript's {@code JSON.parse} and a writer matching
 * {@code JSON.stringify} byte for byte, so that payloads relayed by SocketEE look exactly as the
 * Node.js reference server would send them. See
 * <a href="https://github.com/socketio/socket.io-protocol">socketio/socket.io-protocol</a> and
 * <a href="https://tc39.es/ecma262/#sec-json-object">ECMA-262, The JSON Object</a>.
 */
package io.socketee.internal.protocol.json;
