/**
 * SocketEE's metrics port: the counters and gauges the engine, Socket.IO and adapter layers report
 * to, with a no-op default, so that those layers name no metrics API; the CDI layer binds it to
 * the server's metrics API where there is one. Plain Java, no Jakarta or MicroProfile type.
 */
package io.socketee.internal.metrics;
