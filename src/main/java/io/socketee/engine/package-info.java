/**
 * A raw Engine.IO server, like Node's {@code engine.io} package, for applications that want the
 * transports (polling, WebSocket, upgrade, heartbeat) without Socket.IO's namespaces and events:
 * annotate a bean implementing {@link io.socketee.engine.EngineIoHandler} with
 * {@link io.socketee.engine.EngineIoEndpoint} and SocketEE mounts it at that path.
 */
package io.socketee.engine;
