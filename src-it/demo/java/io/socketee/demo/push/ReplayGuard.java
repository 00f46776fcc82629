package io.socketee.demo.push;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the signatures of accepted requests until their timestamp leaves the window, so that
 * the same signed request is accepted once. Entries are dropped once expired, on later calls.
 *
 * <p>Thread-safe: a concurrent map; {@link #firstUse} is atomic per signature.
 */
public final class ReplayGuard {
    private final Map<String, Long> seen = new ConcurrentHashMap<>();

    /**
     * Whether {@code signature} is seen for the first time (it is then remembered until
     * {@code expiresAtMillis}).
     *
     * @param nowMillis the current time, to drop expired entries
     */
    public boolean firstUse(String signature, long expiresAtMillis, long nowMillis) {
        seen.values().removeIf(expiry -> expiry < nowMillis);
        return seen.putIfAbsent(signature, expiresAtMillis) == null;
    }
}
