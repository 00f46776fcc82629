/**
 * The Socket.IO layer: one {@link io.socketee.internal.sio.Client} per Engine.IO session, split
 * into per-namespace sockets, with acknowledgements, middleware and broadcasts over the adapter.
 * {@link io.socketee.internal.sio.SioServer} is the entry point the bootstrap constructs.
 */
package io.socketee.internal.sio;
