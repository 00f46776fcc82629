package io.socketee.adapter;

/**
 * Makes the adapter of each namespace. Every namespace first gets the server's in-memory adapter
 * for its own sockets; a cluster adapter wraps it and adds the other servers.
 *
 * <p>An application installs its own by making one an {@code @ApplicationScoped} CDI bean (it
 * then replaces the in-memory default; {@code socketio.adapter=redis} and such a bean together are
 * a deployment error). {@link ForwardingAdapter} is the usual base of what it creates.
 *
 * <p>Implementations are thread-safe: namespaces are created on any thread.
 */
@FunctionalInterface
public interface AdapterFactory {

    /** A single server: the in-memory adapter alone. */
    AdapterFactory IN_MEMORY = (host, local) -> local;

    /**
     * The adapter of namespace {@code host}.
     *
     * @param local the namespace's in-memory adapter, which holds its local sockets' rooms; the
     *     adapter returned delegates to it for everything local
     * @param host the namespace, as adapters see it
     * @return the adapter of namespace {@code host}
     */
    Adapter create(AdapterHost host, Adapter local);

    /** Called once when the server stops, after its namespaces; releases shared resources. */
    default void close() {
    }
}
