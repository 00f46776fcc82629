package io.socketee;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The details of the connection with which a socket joined its namespace, as the reference
 * server's {@code socket.handshake}, plus who the container authenticated for it (Servlet or
 * Jakarta Security), which the reference server has no notion of. Immutable and thread-safe.
 *
 * @param headers the HTTP headers of the request that opened the connection, names in lower case
 * @param query the query parameters of that request (the last value of a repeated name, as in the reference)
 * @param auth the authentication payload the client sent when joining the namespace (empty when
 *     none); values as described in {@link Args}. Socket.IO 2 clients send query parameters of
 *     the namespace instead, which appear here as strings (a list of strings when repeated)
 * @param time when the socket was created, formatted like JavaScript's {@code Date.toString()}
 * @param issued when the socket was created, in milliseconds since the epoch
 * @param url the request path with its query string
 * @param address the client's IP address
 * @param xdomain whether the request carried an {@code Origin} header
 * @param secure whether the request came over TLS
 * @param principal the principal the container authenticated for the request that opened the
 *     connection ({@code HttpServletRequest.getUserPrincipal()} of the polling handshake, or of the
 *     WebSocket opening handshake); empty when it was anonymous, and on sockets of other servers
 *     of a cluster ({@link RemoteSocket})
 * @param roles the security roles, among those the application declares ({@code <security-role>}
 *     in {@code web.xml}, {@code @DeclareRoles}, {@code @RolesAllowed}), that principal was in
 *     when the connection opened: the container answers role checks only while its request lasts
 */
public record Handshake(
        Map<String, List<String>> headers,
        Map<String, String> query,
        Map<String, Object> auth,
        String time,
        long issued,
        String url,
        String address,
        boolean xdomain,
        boolean secure,
        Optional<Principal> principal,
        Set<String> roles) {

    /**
     * Copies the headers, the query, the auth payload and the roles into unmodifiable collections.
     *
     * @param headers see {@link #headers()}
     * @param query see {@link #query()}
     * @param auth see {@link #auth()}
     * @param time see {@link #time()}
     * @param issued see {@link #issued()}
     * @param url see {@link #url()}
     * @param address see {@link #address()}
     * @param xdomain see {@link #xdomain()}
     * @param secure see {@link #secure()}
     * @param principal see {@link #principal()}
     * @param roles see {@link #roles()}
     */
    public Handshake {
        headers = Map.copyOf(headers);
        query = Map.copyOf(query);
        auth = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(auth));
        java.util.Objects.requireNonNull(principal, "principal");
        roles = Set.copyOf(roles);
    }

    /**
     * A handshake of an anonymous request: no principal, no roles.
     *
     * @param headers see {@link #headers()}
     * @param query see {@link #query()}
     * @param auth see {@link #auth()}
     * @param time see {@link #time()}
     * @param issued see {@link #issued()}
     * @param url see {@link #url()}
     * @param address see {@link #address()}
     * @param xdomain see {@link #xdomain()}
     * @param secure see {@link #secure()}
     */
    public Handshake(Map<String, List<String>> headers, Map<String, String> query, Map<String, Object> auth,
            String time, long issued, String url, String address, boolean xdomain, boolean secure) {
        this(headers, query, auth, time, issued, url, address, xdomain, secure, Optional.empty(), Set.of());
    }

    /**
     * Whether the authenticated principal was in {@code role} when the connection opened, as
     * {@code HttpServletRequest.isUserInRole} answered then. Only roles the application declares
     * are known ({@link #roles()}); any other role, and any role of an anonymous connection, is
     * {@code false}.
     *
     * @param role a role name
     * @return whether the principal was in that role at handshake
     */
    public boolean isUserInRole(String role) {
        return roles.contains(role);
    }

    /**
     * The first value of a header, name in any case, if present.
     * @param name the name
     * @return the first value of a header, name in any case, if present
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
