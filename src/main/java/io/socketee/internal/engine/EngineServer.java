package io.socketee.internal.engine;

import io.socketee.internal.metrics.Counter;
import io.socketee.internal.metrics.Gauge;
import io.socketee.internal.protocol.ProtocolException;
import io.socketee.internal.protocol.engine.EnginePacket;
import io.socketee.internal.protocol.engine.EngineVersion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The Engine.IO server: verifies requests, answers errors the way the reference does, performs
 * handshakes over polling or WebSocket, and routes later requests to their session. It knows
 * nothing of Socket.IO and nothing of Jakarta: transport hosts call {@link #handlePolling} and
 * {@link #acceptWebSocket}.
 *
 * <p>Thread-safe.
 */
public final class EngineServer {
    private static final Logger LOG = Logger.getLogger(EngineServer.class.getName());

    private final EngineOptions options;
    private final EngineListener listener;
    private final ScheduledExecutorService scheduler;
    private final java.util.concurrent.Executor worker;
    private final java.util.function.Function<HandshakeRequest, String> ids;
    private final SessionIds fallbackIds = new SessionIds();
    /** How often a generated id that is empty or in use is asked for again before a random one is used. */
    private static final int MAX_ID_TRIES = 10;
    private final Map<String, EngineSession> sessions = new ConcurrentHashMap<>();
    /** Milliseconds of a monotonic clock, for the write deadline. */
    private final java.util.function.LongSupplier clock;
    private final java.util.concurrent.ScheduledFuture<?> sweep;
    private final HandshakeCheck handshakeCheck;

    /**
     * Creates a server.
     *
     * @param options the engine options
     * @param listener told of every new session
     * @param scheduler only keeps time: each due heartbeat or timeout is handed to {@code worker}
     * @param worker runs timer work, which may write to the network (answering a pending GET,
     *     closing a WebSocket), so that no slow peer can hold up the shared timer
     * @param ids generates session ids (see {@link SessionIds})
     */
    public EngineServer(EngineOptions options, EngineListener listener,
            ScheduledExecutorService scheduler, java.util.concurrent.Executor worker, Supplier<String> ids) {
        this(options, listener, scheduler, worker, request -> ids.get());
    }

    /**
     * As the other constructor, with ids made from the handshake request (the reference's
     * {@code generateId(req)}); an id already in use is asked for again, a few times, then
     * replaced by a random one.
     */
    public EngineServer(EngineOptions options, EngineListener listener, ScheduledExecutorService scheduler,
            java.util.concurrent.Executor worker, java.util.function.Function<HandshakeRequest, String> ids) {
        this(options, listener, scheduler, worker, ids, () -> System.nanoTime() / 1_000_000);
    }

    /** As the other constructors, with the clock of the write deadline (milliseconds, monotonic). */
    EngineServer(EngineOptions options, EngineListener listener, ScheduledExecutorService scheduler,
            java.util.concurrent.Executor worker, java.util.function.Function<HandshakeRequest, String> ids,
            java.util.function.LongSupplier clock) {
        this.options = options;
        this.listener = listener;
        this.scheduler = scheduler;
        this.worker = worker;
        this.ids = ids;
        this.clock = clock;
        this.handshakeCheck = new HandshakeCheck(options.verifier(), options.verifyTimeout(), scheduler);
        long every = sweepInterval(options.writeTimeout().toMillis());
        this.sweep = scheduler.scheduleWithFixedDelay(this::dropStalledClients, every, every,
                java.util.concurrent.TimeUnit.MILLISECONDS);
        for (List<String> labels : CONNECTION_SERIES) {
            options.metrics().gauge(Gauge.ENGINE_CONNECTIONS, labels, () -> connections(labels.get(0), labels.get(1)));
        }
    }

    /** The series of {@link Gauge#ENGINE_CONNECTIONS}: each transport with each protocol version. */
    private static final List<List<String>> CONNECTION_SERIES = List.of(List.of("polling", "3"),
            List.of("polling", "4"), List.of("websocket", "3"), List.of("websocket", "4"));

    /** Open sessions whose current transport is {@code transport}, of protocol version {@code protocol}. */
    long connections(String transport, String protocol) {
        EngineVersion version = protocol.equals("4") ? EngineVersion.V4 : EngineVersion.V3;
        return sessions.values().stream()
                .filter(s -> s.version() == version && s.currentTransportName().equals(transport)).count();
    }

    /** How often the write deadline is checked: a quarter of it, between 50 ms and 1 s. */
    static long sweepInterval(long writeTimeoutMillis) {
        return Math.max(50, Math.min(1000, writeTimeoutMillis / 4));
    }

    /**
     * Drops every client whose output has made no progress for the write timeout. Runs on the
     * timer thread, which only reads; each drop (network work and the handler's close) runs on
     * the worker pool.
     */
    void dropStalledClients() {
        long now = clock.getAsLong();
        long timeout = options.writeTimeout().toMillis();
        for (EngineSession s : sessions.values()) {
            if (s.stalled(now, timeout)) {
                try {
                    worker.execute(() -> s.locked(() -> s.dropSlowConsumer("no progress for " + timeout + " ms")));
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    LOG.log(java.util.logging.Level.FINE, "sweep stopped at shutdown", e);
                    return;
                }
            }
        }
    }

    /** The options this server runs with. */
    public EngineOptions options() {
        return options;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    java.util.concurrent.Executor worker() {
        return worker;
    }

    /** The number of open sessions. */
    public int clientsCount() {
        return sessions.size();
    }

    /** A snapshot of the open sessions. */
    public Collection<EngineSocket> sessions() {
        return List.copyOf(sessions.values());
    }

    /** Handles one HTTP request to the engine's path (polling, preflight or an error). */
    public void handlePolling(PollingExchange ex) {
        HandshakeRequest req = ex.request();
        if (options.cors().enabled() && ex.method().equals("OPTIONS")) {
            Map<String, String> headers = new LinkedHashMap<>();
            options.cors().addPreflightHeaders(req, headers);
            ex.respond(204, headers, new byte[0]);
            return;
        }
        Optional<Refusal> refusal = verify(req, ex.method(), false);
        if (refusal.isPresent()) {
            respondError(ex, refusal.get());
            return;
        }
        String sid = req.query().get("sid");
        if (sid == null) {
            admitOverPolling(ex);
            return;
        }
        EngineSession session = sessions.get(sid);
        Transport t = session == null ? null : currentTransport(session);
        if (t instanceof PollingTransport polling) {
            polling.onRequest(ex);
        } else {
            respondError(ex, new Refusal(session == null ? EngineError.UNKNOWN_SID : EngineError.BAD_REQUEST, null));
        }
    }

    /** Closes a refused WebSocket with code 1008 and the error's JSON. */
    private void refuse(WebSocketChannel channel, Refusal refusal) {
        count(refusal);
        channel.close(1008, refusal.json());
    }

    private void count(Refusal refusal) {
        options.metrics().increment(Counter.ENGINE_REFUSALS, refusal.error().name().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Accepts a WebSocket that the host has already upgraded: a new session, or an upgrade of a
     * polling one. Refused connections are closed with code 1008 and the error's JSON as reason.
     *
     * @return where the host delivers the connection's frames
     */
    public WebSocketReceiver acceptWebSocket(HandshakeRequest req, WebSocketChannel channel) {
        return acceptWebSocket(req, channel, false);
    }

    /**
     * As {@link #acceptWebSocket(HandshakeRequest, WebSocketChannel)}; {@code checked} says that
     * {@link #refuseUpgrade} let this very request through before the upgrade, so the
     * application's check is not asked again.
     */
    public WebSocketReceiver acceptWebSocket(HandshakeRequest req, WebSocketChannel channel, boolean checked) {
        Optional<Refusal> refusal = verify(req, "GET", true);
        if (refusal.isEmpty() && !"websocket".equals(req.query().get("transport"))) {
            refusal = Optional.of(new Refusal(EngineError.BAD_REQUEST, null));
        }
        if (refusal.isEmpty() && !checked && !req.query().containsKey("sid")) {
            refusal = handshakeCheck.checkNow(req);
        }
        if (refusal.isPresent()) {
            refuse(channel, refusal.get());
            return WebSocketReceiver.IGNORE;
        }
        String sid = req.query().get("sid");
        if (sid != null) {
            EngineSession session = sessions.get(sid);
            if (session == null) {
                refuse(channel, new Refusal(EngineError.UNKNOWN_SID, null));
                return WebSocketReceiver.IGNORE;
            }
            WebSocketTransport candidate = new WebSocketTransport(session, channel);
            if (!session.beginUpgrade(candidate)) {
                refuse(channel, new Refusal(EngineError.BAD_REQUEST, null));
                return WebSocketReceiver.IGNORE;
            }
            return new WebSocketHost(session, candidate);
        }
        EngineVersion version = versionOf(req);
        if (version == EngineVersion.V3 && !options.allowEio3()) {
            refuse(channel, new Refusal(EngineError.UNSUPPORTED_PROTOCOL_VERSION, null));
            return WebSocketReceiver.IGNORE;
        }
        EngineSession session = newSession(version, req);
        WebSocketTransport ws = new WebSocketTransport(session, channel);
        session.holdingInbound(() -> {
            session.open(ws, handshakeJson(session.id(), "websocket"));
            options.metrics().increment(Counter.ENGINE_HANDSHAKES, "websocket");
            sessions.put(session.id(), session);
            listener.onConnection(session);
        });
        return new WebSocketHost(session, ws);
    }

    /**
     * Checks a WebSocket upgrade request before the container performs the upgrade, so a refused
     * one gets what the reference answers: HTTP 400 with the error's message as a text body.
     *
     * @return the message to refuse with, or empty to let the upgrade through
     */
    public Optional<String> refuseUpgrade(HandshakeRequest req) {
        Optional<Refusal> refusal = verify(req, "GET", true);
        if (refusal.isEmpty() && !"websocket".equals(req.query().get("transport"))) {
            refusal = Optional.of(new Refusal(EngineError.BAD_REQUEST, null));
        }
        if (refusal.isEmpty() && !req.query().containsKey("sid") && versionOf(req) == EngineVersion.V3
                && !options.allowEio3()) {
            refusal = Optional.of(new Refusal(EngineError.UNSUPPORTED_PROTOCOL_VERSION, null));
        }
        if (refusal.isEmpty() && !req.query().containsKey("sid")) {
            refusal = handshakeCheck.checkNow(req);
        }
        return refusal.map(Refusal::message);
    }

    /**
     * The headers of a WebSocket upgrade response: what the {@link EngineOptions#headerHook}
     * adds ({@code handshake} when the WebSocket opens a session, not when it upgrades one).
     */
    public Map<String, String> upgradeResponseHeaders(HandshakeRequest req) {
        Map<String, String> headers = new LinkedHashMap<>();
        options.headerHook().add(req, !req.query().containsKey("sid"), headers);
        return headers;
    }

    /**
     * Checks a request on the engine's path that asks to upgrade to something other than
     * WebSocket (HTTP/2 cleartext, say). The reference hands every upgrade request to its
     * WebSocket server after its own checks, and that server refuses it; this is those checks.
     *
     * @return the message to refuse with when the engine's checks fail (unknown session, bad
     *     handshake...), or empty when only the upgrade itself is wrong
     */
    public Optional<String> refuseOtherUpgrade(HandshakeRequest req, String method) {
        return verify(req, method, true).map(Refusal::message);
    }

    /** Closes every session ("forced close"), for shutdown. */
    public void close() {
        sweep.cancel(false);
        CONNECTION_SERIES.forEach(labels -> options.metrics().removeGauge(Gauge.ENGINE_CONNECTIONS, labels));
        for (EngineSession s : sessions.values()) {
            s.locked(() -> {
                s.transport().discard();
                s.onClose("forced close");
            });
        }
    }

    void remove(EngineSession session) {
        sessions.remove(session.id(), session);
    }

    /** Adds CORS and, on a handshake, the sid cookie, to a polling response. */
    void responseHeaders(HandshakeRequest req, String sid, Map<String, String> headers) {
        options.cors().addHeaders(req, headers);
        if (!req.query().containsKey("sid")) {
            options.cookie().ifPresent(c -> headers.put("Set-Cookie", c.headerValue(sid)));
        }
    }

    /** Lets the application's {@link EngineOptions#headerHook} change a polling response's headers, last. */
    void applicationHeaders(HandshakeRequest req, Map<String, String> headers) {
        options.headerHook().add(req, !req.query().containsKey("sid"), headers);
    }

    // ---- verification and handshake ----------------------------------------------------

    /** Why a request is refused, as the reference words it. */
    record Refusal(EngineError error, String customMessage) {
        String json() {
            return customMessage == null ? error.json() : error.json(customMessage);
        }

        String message() {
            return customMessage != null ? customMessage : error.message();
        }
    }

    private Optional<Refusal> verify(HandshakeRequest req, String method, boolean upgrade) {
        String transport = req.query().get("transport");
        if (transport == null || !options.transports().contains(transport)) {
            return Optional.of(new Refusal(EngineError.UNKNOWN_TRANSPORT, null));
        }
        if (req.header("origin").map(EngineServer::hasInvalidHeaderChar).orElse(false)) {
            return Optional.of(new Refusal(EngineError.BAD_REQUEST, null));
        }
        String sid = req.query().get("sid");
        if (sid != null) {
            EngineSession session = sessions.get(sid);
            if (session == null) {
                return Optional.of(new Refusal(EngineError.UNKNOWN_SID, null));
            }
            Transport current = currentTransport(session);
            if (!upgrade && (current == null || !current.name().equals(transport))) {
                return Optional.of(new Refusal(EngineError.BAD_REQUEST, null));
            }
            if (session.version() != versionOf(req)) {
                return Optional.of(new Refusal(EngineError.BAD_REQUEST, null));
            }
            return Optional.empty();
        }
        if (!method.equals("GET")) {
            return Optional.of(new Refusal(EngineError.BAD_HANDSHAKE_METHOD, null));
        }
        if (transport.equals("websocket") && !upgrade) {
            return Optional.of(new Refusal(EngineError.BAD_REQUEST, null));
        }
        return Optional.empty();
    }

    // ---- the application's handshake check ------------------------------------------------

    /**
     * A polling handshake: opens the session once the application's check allows it. A check
     * decided at once is answered on this thread; else the request is suspended (no thread waits)
     * and answered on the worker pool when the check completes.
     */
    private void admitOverPolling(PollingExchange ex) {
        java.util.concurrent.CompletableFuture<Optional<Refusal>> decided = handshakeCheck.check(ex.request());
        if (decided.isDone()) {
            admitted(ex, decided.join());
            return;
        }
        // the engine's own timer decides first; the host's timeout only guards against a lost answer
        Duration hostTimeout = options.verifyTimeout().multipliedBy(2);
        ex.suspend(hostTimeout, () -> respondError(ex, new Refusal(EngineError.FORBIDDEN, null)), () -> { });
        decided.whenCompleteAsync((refusal, e) -> admitted(ex, refusal), worker);
    }

    private void admitted(PollingExchange ex, Optional<Refusal> refusal) {
        if (refusal.isPresent()) {
            respondError(ex, refusal.get());
        } else {
            handshakeOverPolling(ex);
        }
    }

    private void handshakeOverPolling(PollingExchange ex) {
        HandshakeRequest req = ex.request();
        EngineVersion version = versionOf(req);
        if (version == EngineVersion.V3 && !options.allowEio3()) {
            respondError(ex, new Refusal(EngineError.UNSUPPORTED_PROTOCOL_VERSION, null));
            return;
        }
        EngineSession session = newSession(version, req);
        PollingTransport polling = new PollingTransport(session, !req.query().containsKey("b64"));
        // the client may POST as soon as it reads the handshake, before the listener has attached
        // its handler: messages wait until the listener returns instead of going nowhere
        session.holdingInbound(() -> {
            session.open(polling, handshakeJson(session.id(), "polling"));
            options.metrics().increment(Counter.ENGINE_HANDSHAKES, "polling");
            sessions.put(session.id(), session);
            polling.onRequest(ex);
            listener.onConnection(session);
        });
    }

    private EngineSession newSession(EngineVersion version, HandshakeRequest req) {
        String id = ids.apply(req);
        for (int tries = 1; id == null || id.isEmpty() || sessions.containsKey(id); tries++) {
            id = tries < MAX_ID_TRIES ? ids.apply(req) : fallbackIds.get();
        }
        return new EngineSession(this, id, version, req);
    }

    private String handshakeJson(String sid, String transport) {
        StringBuilder sb = new StringBuilder("{\"sid\":\"").append(sid).append("\",\"upgrades\":[");
        List<String> upgrades = options.upgradesFrom(transport);
        for (int i = 0; i < upgrades.size(); i++) {
            sb.append(i == 0 ? "" : ",").append('"').append(upgrades.get(i)).append('"');
        }
        return sb.append("],\"pingInterval\":").append(options.pingInterval().toMillis())
                .append(",\"pingTimeout\":").append(options.pingTimeout().toMillis())
                .append(",\"maxPayload\":").append(options.maxHttpBufferSize()).append('}').toString();
    }

    private void respondError(PollingExchange ex, Refusal refusal) {
        count(refusal);
        Map<String, String> headers = new LinkedHashMap<>();
        options.cors().addHeaders(ex.request(), headers);
        headers.put("Content-Type", "application/json");
        ex.respond(refusal.error().httpStatus(), headers, refusal.json().getBytes(StandardCharsets.UTF_8));
    }

    private static Transport currentTransport(EngineSession session) {
        Transport[] t = new Transport[1];
        session.locked(() -> t[0] = session.transport());
        return t[0];
    }

    /** Like the reference: "4" is v4, anything else (or nothing) is v3. */
    static EngineVersion versionOf(HandshakeRequest req) {
        return "4".equals(req.query().get("EIO")) ? EngineVersion.V4 : EngineVersion.V3;
    }

    /** The reference's header-value check: control characters other than tab, and DEL. */
    static boolean hasInvalidHeaderChar(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff) {
                return true;
            }
        }
        return false;
    }
}
