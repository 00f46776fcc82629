package io.socketee;

import java.util.Map;

/**
 * Decides whether a client may create a namespace that does not exist yet, from its name and the
 * auth payload of the CONNECT: the function form of the reference's dynamic namespaces
 * ({@code io.of((name, auth, next) => ...)}).
 *
 * <p>Called on the connecting client's listener thread; implementations must be thread-safe.
 */
@FunctionalInterface
public interface NamespaceMatcher {

    /**
     * Whether the namespace {@code name} may be created for this client.
     *
     * @param name the requested namespace, starting with '/'
     * @param auth the client's auth payload (see {@link Handshake#auth()})
     * @return whether the namespace {@code name} may be created for this client
     * @throws Exception anything; it is logged and the namespace is not created
     */
    boolean matches(String name, Map<String, Object> auth) throws Exception;
}
