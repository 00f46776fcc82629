package io.socketee.internal.adapter;

import io.socketee.internal.adapter.memory.InMemoryAdapter;

/**
 * Makes the adapter of each namespace. Every namespace first gets an {@link InMemoryAdapter} for
 * its own sockets; a cluster adapter wraps it and adds the other servers. Implementations are
 * thread-safe: namespaces are created on any thread.
 */
@FunctionalInterface
public interface AdapterFactory {

    /** A single server: the in-memory adapter alone. */
    AdapterFactory IN_MEMORY = (host, local) -> local;

    /**
     * The adapter of namespace {@code host}.
     *
     * @param local the namespace's in-memory adapter, which holds its local sockets' rooms
     */
    Adapter create(AdapterHost host, InMemoryAdapter local);

    /** Called once when the server stops, after its namespaces; releases shared resources. */
    default void close() {
    }
}
