package io.socketee.internal.config;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The {@code socketio.*} settings a deployment changed from their defaults, for the start-up log,
 * with secrets masked: the Redis password, and the password in a Redis URL. Per-namespace keys
 * (middleware, routes) are left to the namespace lines of the log. Stateless; thread-safe.
 */
public final class EffectiveSettings {
    /** What a secret shows as. */
    static final String MASK = "****";

    private EffectiveSettings() {
    }

    /** Every known key whose value {@code source} resolves to something other than its default, sorted, masked. */
    public static Map<String, String> nonDefault(Function<String, Optional<String>> source) {
        Map<String, String> changed = new TreeMap<>();
        for (ConfigKeys k : ConfigKeys.values()) {
            if (k.key().contains("<")) {
                continue; // per-namespace keys
            }
            source.apply(k.key()).map(String::trim).filter(v -> !v.equals(k.defaultValue()))
                    .ifPresent(v -> changed.put(k.key(), masked(k, v)));
        }
        return changed;
    }

    /** {@code value} as it may be logged. */
    static String masked(ConfigKeys key, String value) {
        if (key == ConfigKeys.REDIS_PASSWORD || key == ConfigKeys.REDIS_SENTINEL_PASSWORD) {
            return MASK;
        }
        return key == ConfigKeys.REDIS_URL ? maskedUrl(value) : value;
    }

    /**
     * A URL with the password of its user information masked: {@code redis://user:****@host};
     * each of a comma-separated list of URLs so.
     */
    public static String maskedUrl(String url) {
        if (url.contains(",")) {
            return java.util.Arrays.stream(url.split(",", -1)).map(EffectiveSettings::maskedUrl)
                    .collect(java.util.stream.Collectors.joining(","));
        }
        int scheme = url.indexOf("://");
        int at = url.lastIndexOf('@');
        if (scheme < 0 || at < scheme) {
            return url;
        }
        String userInfo = url.substring(scheme + 3, at);
        int colon = userInfo.indexOf(':');
        String user = colon < 0 ? "" : userInfo.substring(0, colon);
        // "redis://secret@host" is a password alone too (Jedis reads it so)
        return url.substring(0, scheme + 3) + user + (colon < 0 && userInfo.isEmpty() ? "" : ":" + MASK) + url.substring(at);
    }
}
