/**
 * The transport hosts: the servlet for long-polling ({@code polling}) and the Jakarta WebSocket
 * endpoint ({@code websocket}), with what both share, such as building the engine's
 * {@link io.socketee.internal.engine.HandshakeRequest} from what a container hands over.
 *
 * <p>Layer rule: the hosts sit on the engine and only move bytes; they never see a Socket.IO
 * packet and use nothing of the Socket.IO layer, the adapters or the bootstrap (checked by
 * {@code ArchitectureTest}). Everything here is stateless or thread-safe.
 */
package io.socketee.internal.transport;
