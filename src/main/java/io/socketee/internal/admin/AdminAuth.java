package io.socketee.internal.admin;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.socketee.RejectedException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * The admin UI's basic authentication: a UI is admitted with a session id this server handed out,
 * or with the configured username and a password whose bcrypt hash is the configured one, which
 * earns it a new session id; otherwise it is refused with the reference's "invalid credentials".
 * Without credentials configured ({@code socketio.admin.auth.enabled=false}) every UI is admitted.
 *
 * <p>Thread-safe: immutable apart from the thread-safe session store.
 */
final class AdminAuth {
    /** The refusal message the UI recognises. */
    static final String INVALID_CREDENTIALS = "invalid credentials";

    private final Optional<byte[]> username;
    private final Optional<byte[]> passwordHash;
    private final AdminSessions sessions;

    /**
     * @param username the username, empty when authentication is off
     * @param passwordHash the bcrypt hash of the password, present with the username
     */
    AdminAuth(Optional<String> username, Optional<String> passwordHash, AdminSessions sessions) {
        this.username = username.map(u -> u.getBytes(StandardCharsets.UTF_8));
        this.passwordHash = passwordHash.map(h -> h.getBytes(StandardCharsets.UTF_8));
        this.sessions = sessions;
    }

    /** Whether a UI must prove who it is. */
    boolean required() {
        return username.isPresent();
    }

    /**
     * Checks a UI's handshake auth payload ({@code sessionId}, or {@code username} and
     * {@code password}).
     *
     * @return the new session id to hand the UI when it logged in with its password; empty when
     *     it came with a valid session id or authentication is off
     * @throws RejectedException "invalid credentials" otherwise
     */
    Optional<String> admit(Map<String, Object> auth) throws RejectedException {
        if (username.isEmpty()) {
            return Optional.empty();
        }
        if (auth.get("sessionId") instanceof String session && !session.isEmpty() && sessions.exists(session)) {
            return Optional.empty();
        }
        if (auth.get("username") instanceof String user && auth.get("password") instanceof String password
                && MessageDigest.isEqual(username.get(), user.getBytes(StandardCharsets.UTF_8))
                && BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8), passwordHash.get()).verified) {
            return Optional.of(sessions.create());
        }
        throw new RejectedException(INVALID_CREDENTIALS);
    }
}
