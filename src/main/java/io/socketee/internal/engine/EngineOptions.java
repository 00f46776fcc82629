package io.socketee.internal.engine;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything an {@link EngineServer} can be told, with the reference server's defaults.
 * Immutable and thread-safe; change a copy with the {@code with*} methods.
 *
 * @param pingInterval how often the server pings (v4) or expects pings (v3)
 * @param pingTimeout how long to wait for the answer before closing with "ping timeout"
 * @param upgradeTimeout how long an upgrade may take before the new transport is dropped
 * @param maxHttpBufferSize the largest message or POST body accepted, in bytes
 * @param transports the allowed transports, among "polling" and "websocket"
 * @param allowUpgrades whether polling sessions may upgrade to WebSocket
 * @param allowEio3 whether Engine.IO v3 clients (socket.io 2.x) are accepted
 * @param cookie the sid cookie to set on the handshake, if any
 * @param cors the CORS rules for polling responses
 * @param verifier decides whether a handshake is allowed (error 4 "Forbidden" otherwise)
 * @param maxBufferedBytes how many bytes of output may wait for one client (polling write buffer,
 *     WebSocket send queue; text counted in characters) before it is dropped with "transport
 *     error"; a single packet larger than this still goes out when nothing else waits
 * @param writeTimeout how long a client's pending output may make no progress (no frame written,
 *     no poll taking data) before it is dropped with "transport error"
 * @param metrics where sessions, refusals, messages and drops are counted (nowhere by default)
 * @param httpCompression when polling responses are compressed (the reference's {@code httpCompression})
 * @param headerHook adds headers to the handshake response and to every polling response (the
 *     reference's {@code initial_headers} and {@code headers} events)
 * @param verifyTimeout how long {@code verifier} may take to decide; a handshake still undecided
 *     then is refused with error 4 "Forbidden"
 */
public record EngineOptions(
        Duration pingInterval,
        Duration pingTimeout,
        Duration upgradeTimeout,
        long maxHttpBufferSize,
        List<String> transports,
        boolean allowUpgrades,
        boolean allowEio3,
        Optional<SidCookie> cookie,
        CorsPolicy cors,
        HandshakeVerifier verifier,
        long maxBufferedBytes,
        Duration writeTimeout,
        io.socketee.internal.metrics.MetricsRecorder metrics,
        HttpCompression httpCompression,
        HeaderHook headerHook,
        Duration verifyTimeout) {

    /**
     * The reference's defaults: 25 s / 20 s / 10 s, 1e6 bytes, both transports, no EIO3, polling
     * responses compressed from 1 KiB; and
     * SocketEE's output bounds, which the reference lacks: 16 MiB waiting per client, 20 s without
     * progress (docs/configuration.md says why); 10 s for the handshake check.
     */
    public static final EngineOptions DEFAULTS = new EngineOptions(
            Duration.ofMillis(25_000), Duration.ofMillis(20_000), Duration.ofMillis(10_000),
            1_000_000, List.of("polling", "websocket"), true, false, Optional.empty(),
            CorsPolicy.DISABLED, HandshakeVerifier.ALLOW_ALL, 16L << 20, Duration.ofMillis(20_000),
            io.socketee.internal.metrics.MetricsRecorder.NONE, HttpCompression.DEFAULT,
            HeaderHook.NONE, Duration.ofMillis(10_000));

    /** Output waiting above which volatile packets are dropped: Netty's default high-water mark, at most. */
    private static final long VOLATILE_LOW_WATER = 64 * 1024;

    public EngineOptions {
        transports = List.copyOf(transports);
        java.util.Objects.requireNonNull(metrics, "metrics");
        java.util.Objects.requireNonNull(headerHook, "headerHook");
        java.util.Objects.requireNonNull(verifier, "verifier");
        for (String t : transports) {
            if (!t.equals("polling") && !t.equals("websocket")) {
                throw new IllegalArgumentException("unknown transport: " + t);
            }
        }
        if (pingInterval.isNegative() || pingInterval.isZero() || pingTimeout.isNegative()
                || pingTimeout.isZero() || upgradeTimeout.isNegative() || maxHttpBufferSize <= 0
                || maxBufferedBytes <= 0 || writeTimeout.isNegative() || writeTimeout.isZero()
                || verifyTimeout.isNegative() || verifyTimeout.isZero()) {
            throw new IllegalArgumentException("intervals, timeouts and sizes must be positive");
        }
    }

    /** The sid cookie written on the handshake response, like the reference's {@code cookie} option. */
    public record SidCookie(String name, String path, boolean httpOnly, String sameSite) {
        /** The reference's defaults: io, /, HttpOnly, SameSite=Lax. */
        public static final SidCookie DEFAULT = new SidCookie("io", "/", true, "Lax");

        /** The Set-Cookie value for a session id. */
        public String headerValue(String sid) {
            StringBuilder sb = new StringBuilder(name).append('=').append(sid);
            if (path != null && !path.isEmpty()) {
                sb.append("; Path=").append(path);
            }
            if (httpOnly) {
                sb.append("; HttpOnly");
            }
            if (sameSite != null && !sameSite.isEmpty()) {
                sb.append("; SameSite=").append(sameSite);
            }
            return sb.toString();
        }
    }

    /**
     * Decides whether a new session may open. Must be thread-safe; the answer may come later, from
     * any thread, but within {@link EngineOptions#verifyTimeout}.
     */
    @FunctionalInterface
    public interface HandshakeVerifier {
        /** Lets everything through. */
        HandshakeVerifier ALLOW_ALL = r -> java.util.concurrent.CompletableFuture.completedFuture(Optional.empty());

        /** Completes with empty to allow, or with the message of the "Forbidden" error to refuse. */
        java.util.concurrent.CompletionStage<Optional<String>> check(HandshakeRequest request);

        /** A verifier that decides at once. */
        static HandshakeVerifier of(java.util.function.Function<HandshakeRequest, Optional<String>> refuse) {
            return r -> java.util.concurrent.CompletableFuture.completedFuture(refuse.apply(r));
        }
    }

    /**
     * Adds headers to HTTP responses of the engine. Called on the thread that writes the
     * response, never with a session's lock held: must be thread-safe and quick.
     */
    @FunctionalInterface
    public interface HeaderHook {
        /** Adds nothing. */
        HeaderHook NONE = (request, handshake, headers) -> { };

        /**
         * Adds to or changes {@code headers}.
         *
         * @param request the HTTP request being answered
         * @param handshake whether the response opens a session (a polling handshake, or the
         *     upgrade response of a WebSocket that opens one)
         * @param headers the response headers so far, to change in place
         */
        void add(HandshakeRequest request, boolean handshake, java.util.Map<String, String> headers);
    }

    /** The options with other ping settings. */
    public EngineOptions withPing(Duration interval, Duration timeout) {
        return new EngineOptions(interval, timeout, upgradeTimeout, maxHttpBufferSize, transports,
                allowUpgrades, allowEio3, cookie, cors, verifier, maxBufferedBytes, writeTimeout, metrics, httpCompression, headerHook, verifyTimeout);
    }

    /** The options with EIO3 allowed or not. */
    public EngineOptions withAllowEio3(boolean allow) {
        return new EngineOptions(pingInterval, pingTimeout, upgradeTimeout, maxHttpBufferSize,
                transports, allowUpgrades, allow, cookie, cors, verifier, maxBufferedBytes, writeTimeout, metrics, httpCompression, headerHook, verifyTimeout);
    }

    /** The options with another size limit. */
    public EngineOptions withMaxHttpBufferSize(long max) {
        return new EngineOptions(pingInterval, pingTimeout, upgradeTimeout, max, transports,
                allowUpgrades, allowEio3, cookie, cors, verifier, maxBufferedBytes, writeTimeout, metrics, httpCompression, headerHook, verifyTimeout);
    }

    /** The options with other transports and upgrade rule. */
    public EngineOptions withTransports(List<String> allowed, boolean upgrades) {
        return new EngineOptions(pingInterval, pingTimeout, upgradeTimeout, maxHttpBufferSize,
                allowed, upgrades, allowEio3, cookie, cors, verifier, maxBufferedBytes, writeTimeout, metrics, httpCompression, headerHook, verifyTimeout);
    }

    /** The options with other CORS rules, cookie and verifier. */
    public EngineOptions withHttp(CorsPolicy corsPolicy, Optional<SidCookie> sidCookie,
            HandshakeVerifier handshakeVerifier) {
        return new EngineOptions(pingInterval, pingTimeout, upgradeTimeout, maxHttpBufferSize,
                transports, allowUpgrades, allowEio3, sidCookie, corsPolicy, handshakeVerifier, maxBufferedBytes, writeTimeout, metrics, httpCompression, headerHook, verifyTimeout);
    }

    /** The options with another upgrade timeout. */
    public EngineOptions withUpgradeTimeout(Duration timeout) {
        return new EngineOptions(pingInterval, pingTimeout, timeout, maxHttpBufferSize, transports,
                allowUpgrades, allowEio3, cookie, cors, verifier, maxBufferedBytes, writeTimeout, metrics, httpCompression, headerHook, verifyTimeout);
    }

    /** The options with other bounds on the output waiting for one client. */
    public EngineOptions withOutputBounds(long maxBytes, Duration timeout) {
        return new EngineOptions(pingInterval, pingTimeout, upgradeTimeout, maxHttpBufferSize, transports,
                allowUpgrades, allowEio3, cookie, cors, verifier, maxBytes, timeout, metrics, httpCompression, headerHook, verifyTimeout);
    }

    /** The options with another polling compression rule. */
    public EngineOptions withHttpCompression(HttpCompression compression) {
        return new EngineOptions(pingInterval, pingTimeout, upgradeTimeout, maxHttpBufferSize, transports,
                allowUpgrades, allowEio3, cookie, cors, verifier, maxBufferedBytes, writeTimeout, metrics, compression, headerHook, verifyTimeout);
    }

    /** The options with another header hook and handshake check deadline. */
    public EngineOptions withHooks(HeaderHook hook, Duration timeout) {
        return new EngineOptions(pingInterval, pingTimeout, upgradeTimeout, maxHttpBufferSize, transports,
                allowUpgrades, allowEio3, cookie, cors, verifier, maxBufferedBytes, writeTimeout, metrics, httpCompression,
                hook, timeout);
    }

    /** The options with another metrics recorder. */
    public EngineOptions withMetrics(io.socketee.internal.metrics.MetricsRecorder recorder) {
        return new EngineOptions(pingInterval, pingTimeout, upgradeTimeout, maxHttpBufferSize, transports,
                allowUpgrades, allowEio3, cookie, cors, verifier, maxBufferedBytes, writeTimeout, recorder, httpCompression, headerHook, verifyTimeout);
    }

    /**
     * Output waiting for one client above which volatile packets are dropped instead of queued:
     * 64 KiB, or half of {@link #maxBufferedBytes} when that is smaller.
     */
    public long volatileLowWater() {
        return Math.min(VOLATILE_LOW_WATER, maxBufferedBytes / 2);
    }

    /** The upgrades a session on this transport is offered. */
    List<String> upgradesFrom(String transport) {
        return allowUpgrades && transport.equals("polling") && transports.contains("websocket")
                ? List.of("websocket") : List.of();
    }
}
