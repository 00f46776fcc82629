/**
 * WebSocket over Jakarta WebSocket: one {@link io.socketee.internal.transport.websocket.EngineEndpoint}
 * per connection moves frames between the container and the engine;
 * {@link io.socketee.internal.transport.websocket.SerialSender} writes one frame at a time, in
 * order, because some containers lose frames written concurrently; a filter refuses bad upgrade
 * requests before the container upgrades them; and the differences between containers are
 * looked up at run time.
 *
 * <p>Layer rule: uses the engine only (checked by {@code ArchitectureTest}). Each class states its
 * thread-safety.
 */
package io.socketee.internal.transport.websocket;
