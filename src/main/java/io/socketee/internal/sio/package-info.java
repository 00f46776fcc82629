/**
 * The Socket.IO layer: one {@link io.socketee.internal.sio.Client} per Engine.IO session, split
 * into per-namespace sockets, with acknowledgements, middleware and broadcasts over the adapter.
 * {@link io.socketee.internal.sio.SioServer} is the entry point the bootstrap constructs.
 *
 * <p>Layer rule: sits on the engine, the adapters, the value mapping and the codec; uses nothing
 * of the transports, the handlers, the configuration or the bootstrap (checked by {@code ArchitectureTest}).
 * Threads: each client's packets run one at a time, in arrival order, on its serial executor;
 * each class states its own thread-safety.
 */
package io.socketee.internal.sio;
