package io.socketee.internal.admin;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The session ids handed to admin UIs that logged in, so that a UI reconnecting with its id needs
 * no password again (the reference's in-memory store). Ids are 8 random bytes in hex, as the
 * reference's; each lives {@link #LIFETIME_MILLIS} (the reference's Redis store's duration), and
 * at most {@link #MAX_SESSIONS} are kept, the oldest dropped first.
 *
 * <p>Thread-safe: every method synchronises on this object.
 */
final class AdminSessions {
    static final long LIFETIME_MILLIS = 24 * 60 * 60 * 1000L;
    static final int MAX_SESSIONS = 10_000;

    private final SecureRandom random = new SecureRandom();
    private final LongSupplier clock;
    /** Session id to its expiry, oldest first. */
    private final Map<String, Long> sessions = new LinkedHashMap<>();

    /** @param clock milliseconds now */
    AdminSessions(LongSupplier clock) {
        this.clock = clock;
    }

    /** A new session id, valid from now. */
    synchronized String create() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        expire();
        if (sessions.size() >= MAX_SESSIONS) {
            Iterator<String> oldest = sessions.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        sessions.put(id, clock.getAsLong() + LIFETIME_MILLIS);
        return id;
    }

    /** Whether {@code id} was handed out and has not expired. */
    synchronized boolean exists(String id) {
        expire();
        return sessions.containsKey(id);
    }

    private void expire() {
        long now = clock.getAsLong();
        sessions.values().removeIf(expiry -> expiry <= now);
    }
}
