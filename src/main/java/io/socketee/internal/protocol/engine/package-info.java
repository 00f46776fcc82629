/**
 * The Engine.IO wire codec: packets, WebSocket frames and long-polling payloads of protocol v3
 * and v4, as specified in
 * <a href="https://github.com/socketio/engine.io-protocol">socketio/engine.io-protocol</a> (v3 and
 * v4 documents) and implemented by engine.io-parser 2.x (v3) and 5.x (v4). Pure: no I/O, no
 * threads, and every decode is bounded.
 */
package io.socketee.internal.protocol.engine;
