package io.socketee.internal.config;

import io.socketee.IoException;
import io.socketee.internal.engine.CorsPolicy;
import io.socketee.internal.engine.EngineOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The server's settings, read once from configuration and checked as a whole: every bad value
 * is reported in one exception, not just the first. Immutable and thread-safe.
 *
 * @param path the transport path, starting with '/' and without a trailing slash
 * @param engine the Engine.IO options
 * @param connectTimeout how long a client has to join a namespace
 * @param serveClient whether socket.io.js is served
 * @param maxAttachments most binary attachments in one Socket.IO packet
 * @param maxQueuedFrames packets that may queue for a client that does not read
 */
public record SocketIoConfig(
        String path,
        EngineOptions engine,
        Duration connectTimeout,
        boolean serveClient,
        int maxAttachments,
        int maxQueuedFrames) {

    /** Reads and validates the settings from a key lookup (MicroProfile Config in production). */
    public static SocketIoConfig read(Function<String, Optional<String>> source) {
        Reader r = new Reader(source);
        String path = r.string(ConfigKeys.PATH);
        if (!path.startsWith("/")) {
            r.problem(ConfigKeys.PATH, path, "must start with '/'");
        }
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        Duration pingInterval = r.millis(ConfigKeys.PING_INTERVAL);
        Duration pingTimeout = r.millis(ConfigKeys.PING_TIMEOUT);
        Duration upgradeTimeout = r.millis(ConfigKeys.UPGRADE_TIMEOUT);
        long maxSize = r.positiveLong(ConfigKeys.MAX_HTTP_BUFFER_SIZE);
        List<String> transports = r.list(ConfigKeys.TRANSPORTS);
        for (String t : transports) {
            if (!t.equals("polling") && !t.equals("websocket")) {
                r.problem(ConfigKeys.TRANSPORTS, t, "is not a transport (polling, websocket)");
            }
        }
        if (transports.isEmpty()) {
            r.problem(ConfigKeys.TRANSPORTS, "", "must name at least one transport");
        }
        boolean allowUpgrades = r.bool(ConfigKeys.ALLOW_UPGRADES);
        boolean allowEio3 = r.bool(ConfigKeys.ALLOW_EIO3);
        Optional<EngineOptions.SidCookie> cookie = Optional.empty();
        if (r.bool(ConfigKeys.COOKIE)) {
            cookie = Optional.of(new EngineOptions.SidCookie(r.string(ConfigKeys.COOKIE_NAME),
                    r.string(ConfigKeys.COOKIE_PATH), r.bool(ConfigKeys.COOKIE_HTTP_ONLY),
                    r.string(ConfigKeys.COOKIE_SAME_SITE)));
        }
        CorsPolicy cors = CorsPolicy.DISABLED;
        if (r.bool(ConfigKeys.CORS_ENABLED)) {
            cors = new CorsPolicy(true, new LinkedHashSet<>(r.list(ConfigKeys.CORS_ORIGINS)),
                    r.bool(ConfigKeys.CORS_CREDENTIALS), CorsPolicy.DISABLED.methods(), List.of(), -1);
        }
        Duration connectTimeout = r.millis(ConfigKeys.CONNECT_TIMEOUT);
        boolean serveClient = r.bool(ConfigKeys.SERVE_CLIENT);
        int maxAttachments = (int) Math.min(Integer.MAX_VALUE, r.positiveLong(ConfigKeys.MAX_ATTACHMENTS));
        int maxQueued = (int) Math.min(Integer.MAX_VALUE, r.positiveLong(ConfigKeys.MAX_BUFFERED_PACKETS));
        r.failIfProblems();
        EngineOptions engine = new EngineOptions(pingInterval, pingTimeout, upgradeTimeout, maxSize,
                transports, allowUpgrades, allowEio3, cookie, cors, EngineOptions.HandshakeVerifier.ALLOW_ALL, maxQueued);
        return new SocketIoConfig(path, engine, connectTimeout, serveClient, maxAttachments, maxQueued);
    }

    /** Collects values and problems. */
    private static final class Reader {
        private final Function<String, Optional<String>> source;
        private final List<String> problems = new ArrayList<>();

        Reader(Function<String, Optional<String>> source) {
            this.source = source;
        }

        String string(ConfigKeys k) {
            return source.apply(k.key()).map(String::trim).orElse(k.defaultValue());
        }

        void problem(ConfigKeys k, String value, String why) {
            problems.add("SOCKETEE-CONFIG-001 " + k.key() + "=" + value + ": " + why);
        }

        Duration millis(ConfigKeys k) {
            return Duration.ofMillis(positiveLong(k));
        }

        long positiveLong(ConfigKeys k) {
            String v = string(k);
            try {
                long n = Long.parseLong(v);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problem(k, v, "must be a positive whole number");
            return Long.parseLong(k.defaultValue());
        }

        boolean bool(ConfigKeys k) {
            String v = string(k).toLowerCase(Locale.ROOT);
            if (!v.equals("true") && !v.equals("false")) {
                problem(k, v, "must be true or false");
                return Boolean.parseBoolean(k.defaultValue());
            }
            return Boolean.parseBoolean(v);
        }

        List<String> list(ConfigKeys k) {
            Set<String> items = new LinkedHashSet<>();
            Arrays.stream(string(k).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .forEach(items::add);
            return List.copyOf(items);
        }

        void failIfProblems() {
            if (!problems.isEmpty()) {
                throw new IoException("SocketEE configuration is invalid:\n  " + String.join("\n  ", problems));
            }
        }
    }
}
