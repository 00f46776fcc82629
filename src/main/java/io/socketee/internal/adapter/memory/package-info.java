/**
 * The in-memory adapter: rooms and broadcasts of a single server, and the local half of every
 * cluster adapter; with connection state recovery, the store of disconnected sessions. Thread-safe:
 * membership is guarded by the adapter's lock and delivery happens outside it; the session store
 * synchronises on itself.
 *
 * <p>Layer rule: like every adapter, it never touches a connection (checked by
 * {@code ArchitectureTest}).
 */
package io.socketee.internal.adapter.memory;
