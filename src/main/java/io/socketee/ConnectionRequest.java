package io.socketee;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The HTTP request that opens a new connection (an Engine.IO handshake), as the engine sees it:
 * what {@link AllowRequest} decides on and what {@link IdGenerator} makes an id for. Header
 * names are lower case.
 *
 * <p>Immutable and thread-safe.
 *
 * @param url the path and query string
 * @param query the query parameters (the last value of a repeated name, as in the reference)
 * @param headers the request headers
 * @param remoteAddress the client's address, when known, else empty
 * @param secure whether the request came over TLS
 * @param principal the principal the container authenticated for the request (Servlet or Jakarta
 *     Security), empty when anonymous
 * @param roles the security roles, among those the application declares, that principal is in
 *     (as {@link Handshake#roles()})
 */
public record ConnectionRequest(String url, Map<String, String> query, Map<String, List<String>> headers,
        String remoteAddress, boolean secure, Optional<Principal> principal, Set<String> roles) {

    /**
     * Copies the roles into an unmodifiable set.
     *
     * @param url see {@link #url()}
     * @param query see {@link #query()}
     * @param headers see {@link #headers()}
     * @param remoteAddress see {@link #remoteAddress()}
     * @param secure see {@link #secure()}
     * @param principal see {@link #principal()}
     * @param roles see {@link #roles()}
     */
    public ConnectionRequest {
        java.util.Objects.requireNonNull(principal, "principal");
        roles = Set.copyOf(roles);
    }

    /**
     * An anonymous request: no principal, no roles.
     *
     * @param url see {@link #url()}
     * @param query see {@link #query()}
     * @param headers see {@link #headers()}
     * @param remoteAddress see {@link #remoteAddress()}
     * @param secure see {@link #secure()}
     */
    public ConnectionRequest(String url, Map<String, String> query, Map<String, List<String>> headers,
            String remoteAddress, boolean secure) {
        this(url, query, headers, remoteAddress, secure, Optional.empty(), Set.of());
    }

    /**
     * Whether the authenticated principal is in {@code role}; as {@link Handshake#isUserInRole}.
     *
     * @param role a role name
     * @return whether the principal is in that declared role
     */
    public boolean isUserInRole(String role) {
        return roles.contains(role);
    }
}
