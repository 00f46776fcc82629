/**
 * The Engine.IO server: handshakes, sessions and their state machine, heartbeats, long-polling,
 * WebSocket and the upgrade between them, and the numbered request errors, as the reference
 * server behaves. {@link io.socketee.internal.engine.EngineServer} is the entry point; the layer
 * above sees each session as an {@link io.socketee.internal.engine.EngineSocket}.
 *
 * <p>Layer rule: it knows nothing of Socket.IO, of Jakarta or of the public API; it uses only the
 * codec and the JDK. A transport host implements
 * {@link io.socketee.internal.engine.PollingExchange} or
 * {@link io.socketee.internal.engine.WebSocketChannel} and only moves bytes (checked by
 * {@code ArchitectureTest}).
 *
 * <p>Threads: one lock per session guards its state; network work and handler calls run after it
 * is released. Each class states its own rule.
 */
package io.socketee.internal.engine;
