package io.socketee;

import java.util.regex.Pattern;

/**
 * The Socket.IO server: its namespaces, and, as a {@link Namespace} itself, the main namespace
 * "/" (like the reference's {@code io.emit}, {@code io.to}, {@code io.use}).
 *
 * <p>Injectable as a CDI bean. Thread-safe.
 */
public interface IoServer extends Namespace {

    /**
     * The namespace named {@code name} ('/' is prepended when missing), created on first use.
     * @param name the name
     * @return the namespace named {@code name} ('/' is prepended when missing), created on first use
     */
    Namespace of(String name);

    /**
     * A parent namespace whose children are created on demand, when a client connects to a
     * namespace that does not exist and whose name {@code pattern} finds (as JavaScript's
     * {@code regex.test}: anchor it with {@code ^...$} to match whole names). Namespaces declared
     * with {@link #of(String)} come first; parents are tried in the order they were declared.
     * With {@code socketio.cleanupEmptyChildNamespaces}, a child is removed when its last socket
     * leaves. A pattern with the same source and flags gives the same parent again, the one that
     * handler beans with {@code @IoNamespace(pattern = ...)} and configured dynamic namespaces
     * ({@code socketio.dynamicNamespace.<name>.pattern}) serve.
     * @param pattern the pattern
     * @return a parent namespace whose children are created on demand, when a client connects to a namespace
     *     that does not exist and whose name {@code pattern} finds (as JavaScript's {@code regex.test}: anchor it
     *     with {@code ^...$} to match whole names)
     */
    Namespace of(Pattern pattern);

    /**
     * As {@link #of(Pattern)}, with a function of the name and the client's auth payload.
     * @param matcher decides which requested names the parent namespace creates
     * @return the parent namespace; its listeners and middleware apply to every namespace it creates
     */
    Namespace of(NamespaceMatcher matcher);

    /** Adds a connection listener to the main namespace; see {@link Namespace#onConnection}. */
    @Override
    IoServer onConnection(Namespace.ConnectionListener listener);

    /** Adds a connection check to the main namespace; see {@link Namespace#use}. */
    @Override
    IoServer use(Namespace.ConnectionCheck check);
}
