/**
 * MessagePack (<a href="https://github.com/msgpack/msgpack/blob/master/spec.md">the specification</a>)
 * as notepack.io writes it, between the servers of a Redis cluster and between socket.io-msgpack-parser
 * clients and the server: pure and bounded, {@link io.socketee.internal.protocol.json.Json} in and out.
 */
package io.socketee.internal.protocol.msgpack;
