/**
 * The load generator and runner of issue 7: one NIO selector thread speaking Engine.IO v4 /
 * Socket.IO v5 over WebSocket and polling (and the raw floor's JSON over WebSocket) to a loopback
 * server, which it starts pinned to one core; see docs/performance.md.
 */
package io.socketee.bench.load;
