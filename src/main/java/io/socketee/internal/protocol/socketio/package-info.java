/**
 * The Socket.IO wire codec: packet text, binary attachments and their reassembly, for protocol v4
 * and v5 as specified in
 * <a href="https://github.com/socketio/socket.io-protocol">socketio/socket.io-protocol</a> and
 * implemented by socket.io-parser 3.x (v4) and 4.x (v5). Pure: no I/O, no threads, and every
 * decode is bounded.
 */
package io.socketee.internal.protocol.socketio;
