package io.socketee.internal.engine;

import java.security.Principal;
import java.util.Optional;
import java.util.Set;

/**
 * Who sent the request that opened a session, as the container authenticated it: the principal
 * and the roles (among those the application declares) it was in while the request was live.
 * Captured at handshake, because a container answers role checks only while its request lasts.
 * Immutable and thread-safe.
 *
 * @param principal the authenticated principal, empty for an anonymous request
 * @param roles the declared roles the principal was in at handshake
 */
public record Caller(Optional<Principal> principal, Set<String> roles) {
    /** An unauthenticated request. */
    public static final Caller ANONYMOUS = new Caller(Optional.empty(), Set.of());

    public Caller {
        roles = Set.copyOf(roles);
    }
}
