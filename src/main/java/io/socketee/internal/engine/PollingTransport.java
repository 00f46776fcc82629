package io.socketee.internal.engine;

import io.socketee.internal.protocol.ProtocolException;
import io.socketee.internal.protocol.engine.EnginePacket;
import io.socketee.internal.protocol.engine.EnginePacketType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;

/**
 * HTTP long-polling: a pending GET carries the server's packets, POSTs carry the client's. Like
 * the reference, at most one GET and one POST may be in flight; a second of either kind closes
 * the session with "transport error".
 *
 * <p>A POST's body is read without holding a thread ({@link PollingExchange#readBody}). As in the
 * reference, a body over {@code maxHttpBufferSize} gets 413 and the session lives on; a body that
 * does not arrive whole (the client goes away or sends less than it announced) gets 400 and
 * closes the session with "transport error", and so does one still arriving after
 * {@link #readDeadline}; closing the transport cuts short a POST whose body is still arriving.
 *
 * <p>A GET's answer is compressed as {@link EngineOptions#httpCompression} says, like the
 * reference's, on the server's worker; the "ok" of a POST never is.
 *
 * <p>Guarded by the owning session's lock, except {@link #onRequest} and the outcome of a body read,
 * which take it themselves.
 */
final class PollingTransport extends Transport {
    private static final byte[] OK = "ok".getBytes(StandardCharsets.US_ASCII);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final List<EnginePacket> NOOP = List.of(EnginePacket.of(EnginePacketType.NOOP));
    private static final List<EnginePacket> CLOSE = List.of(EnginePacket.of(EnginePacketType.CLOSE));

    private final EngineSession session;
    private final boolean supportsBinary;
    private PollingExchange pendingGet;
    /** The POST in flight, from its arrival until its answer is due. */
    private PollingExchange dataExchange;
    /** Whether the body of {@link #dataExchange} is still arriving (the POST may then be cut short). */
    private boolean dataReading;
    private Runnable shouldClose;
    private ScheduledFuture<?> closeTimer;
    private boolean discarded;
    private boolean closed;
    /** Whether the GET being handled on this thread is the pending one (its own request's thread). */
    private boolean onPollThread;
    /** GETs answered with data: the progress of a polling client's output. */
    private volatile long answered;

    PollingTransport(EngineSession session, boolean supportsBinary) {
        this.session = session;
        this.supportsBinary = supportsBinary;
    }

    @Override
    String name() {
        return "polling";
    }

    @Override
    boolean writable() {
        return pendingGet != null;
    }

    /** Handles a GET, POST or other request carrying this session's sid. Takes the lock itself. */
    void onRequest(PollingExchange ex) {
        switch (ex.method()) {
            case "GET" -> onPoll(ex);
            case "POST" -> onData(ex);
            default -> ex.respond(500, Map.of(), new byte[0]);
        }
    }

    private void onPoll(PollingExchange ex) {
        session.locked(() -> {
            if (pendingGet != null) {
                session.onError("overlap from client");
                session.defer(() -> ex.respond(400, Map.of(), new byte[0]));
                return;
            }
            if (closed) {
                session.defer(() -> ex.respond(400, Map.of(), new byte[0]));
                return;
            }
            pendingGet = ex;
            Duration wait = session.options().pingInterval().plus(session.options().pingTimeout());
            ex.suspend(wait, () -> onPollTimeout(ex), () -> onPollGone(ex));
            onPollThread = true;
            try {
                session.flush();
                if (pendingGet != null && shouldClose != null) {
                    send(NOOP);
                }
            } finally {
                onPollThread = false;
            }
        });
    }

    private void onPollTimeout(PollingExchange ex) {
        session.locked(() -> {
            if (pendingGet == ex) {
                send(NOOP);
            }
        });
    }

    private void onPollGone(PollingExchange ex) {
        session.locked(() -> {
            if (pendingGet == ex) {
                pendingGet = null;
                session.onError("poll connection closed prematurely");
            }
        });
    }

    private void onData(PollingExchange ex) {
        boolean binary = ex.contentType().map(c -> c.startsWith(Framing.BINARY)).orElse(false);
        boolean[] refused = new boolean[1];
        session.locked(() -> {
            if (dataExchange != null) {
                session.onError("data request overlap from client");
                refused[0] = true;
            } else if (binary && session.version() == io.socketee.internal.protocol.engine.EngineVersion.V4) {
                session.onError("invalid content");
                refused[0] = true;
            } else {
                dataExchange = ex;
                dataReading = true;
            }
        });
        if (refused[0]) {
            ex.respond(400, Map.of(), new byte[0]);
            return;
        }
        EngineOptions options = session.options();
        ex.readBody(options.maxHttpBufferSize(), readDeadline(options), body -> onBody(ex, body, binary));
    }

    /**
     * How long a POST body may take: a POST still arriving after {@code pingInterval +
     * pingTimeout} kept the heartbeat's answer from getting through in time (the client sends
     * one POST at a time), so the session would be closed by then anyway.
     */
    static Duration readDeadline(EngineOptions options) {
        return options.pingInterval().plus(options.pingTimeout());
    }

    /** The outcome of reading a POST's body, from any thread. */
    private void onBody(PollingExchange ex, PostBody body, boolean binary) {
        if (body instanceof PostBody.Received r) {
            onReceived(ex, r.bytes(), binary);
            return;
        }
        boolean[] current = new boolean[1];
        session.locked(() -> {
            current[0] = endRead(ex);
            if (current[0]) {
                dataExchange = null;
                if (body instanceof PostBody.Broken b) {
                    session.onError("data request connection closed prematurely (" + b.reason() + ")");
                }
            }
        });
        if (current[0]) {
            ex.respond(body instanceof PostBody.TooLarge ? 413 : 400, Map.of(), new byte[0]);
        }
    }

    private void onReceived(PollingExchange ex, byte[] bytes, boolean binary) {
        boolean[] current = new boolean[1];
        session.locked(() -> current[0] = endRead(ex));
        if (!current[0]) {
            return;
        }
        session.receivingOver(ex.request(), () -> receive(bytes, binary));
        // the POST counts as finished before its answer is written: the client may send the next
        // one the moment it reads "ok", possibly before this thread returns
        session.locked(() -> {
            if (dataExchange == ex) {
                dataExchange = null;
            }
        });
        answer(ex, headers(ex, "text/html"), OK);
    }

    /**
     * Whether {@code ex} is the POST whose body was arriving, which it no longer is; false when
     * the transport closed meanwhile and answered it. Lock held.
     */
    private boolean endRead(PollingExchange ex) {
        if (dataExchange != ex || !dataReading) {
            return false;
        }
        dataReading = false;
        return true;
    }

    private void receive(byte[] body, boolean binary) {
        List<EnginePacket> packets;
        try {
            packets = Framing.decodePayload(body, binary, session.version());
        } catch (ProtocolException e) {
            session.onParseError(e);
            return;
        }
        for (EnginePacket p : packets) {
            if (p.type() == EnginePacketType.CLOSE) {
                session.locked(() -> {
                    if (pendingGet != null) {
                        send(NOOP);
                    }
                    closed = true;
                    session.onTransportClose(this);
                });
                return;
            }
            session.onPacket(this, p);
        }
    }

    @Override
    long progress() {
        return answered;
    }

    @Override
    void send(List<EnginePacket> packets) {
        PollingExchange ex = pendingGet;
        pendingGet = null;
        answered++;
        Runnable closing = shouldClose;
        if (closing != null) {
            packets = new ArrayList<>(packets);
            packets.add(EnginePacket.of(EnginePacketType.CLOSE));
            shouldClose = null;
        }
        Framing.Body body = Framing.encodePayload(packets, session.version(), supportsBinary);
        Map<String, String> headers = headers(ex, body.contentType());
        byte[] bytes = body.bytes();
        Optional<HttpCompression.Coding> coding = session.options().httpCompression()
                .choose(bytes.length, ex.request().header("Accept-Encoding"));
        Runnable answer;
        if (coding.isEmpty()) {
            answer = () -> answer(ex, headers, bytes);
        } else {
            HttpCompression.Coding c = coding.get();
            headers.put("Content-Encoding", c.token());
            answer = () -> answer(ex, headers, c.encode(bytes));
        }
        if (onPollThread && coding.isEmpty()) {
            session.defer(answer);
        } else {
            // On a worker, outside the lock: compressing for many polling clients must not run on
            // the emitting thread; and answering completes the GET's request, which runs the
            // container's end-of-request callbacks on the answering thread; with Weld (Payara)
            // they deactivate that thread's CDI request context, and the thread may be running a
            // handler inline in another request. Only the GET's own thread answers in place.
            session.defer(() -> session.offload(answer));
        }
        if (closing != null) {
            closing.run();
        }
    }

    /** The engine's headers of a 200 answer. */
    private Map<String, String> headers(PollingExchange ex, String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        session.server().responseHeaders(ex.request(), session.id(), headers);
        headers.put("Cache-Control", "no-store");
        headers.put("Content-Type", contentType);
        return headers;
    }

    /**
     * Sends a 200 answer with what the application's hook adds to its headers (the reference's
     * {@code headers} event): application code, so never with the session's lock held.
     */
    private void answer(PollingExchange ex, Map<String, String> headers, byte[] body) {
        session.server().applicationHeaders(ex.request(), headers);
        ex.respond(200, headers, body);
    }

    /**
     * Ends a POST whose body is still arriving, as the reference destroys its request when the
     * transport closes; a POST whose body is in gets its answer as usual. Lock held.
     */
    private void cutShortData() {
        PollingExchange ex = dataExchange;
        if (ex != null && dataReading) {
            dataExchange = null;
            dataReading = false;
            session.defer(() -> ex.respond(400, Map.of(), new byte[0]));
        }
    }

    @Override
    void close(Runnable onClosed) {
        cutShortData();
        Runnable done = () -> {
            if (closeTimer != null) {
                closeTimer.cancel(false);
            }
            closed = true;
            onClosed.run();
        };
        if (pendingGet != null) {
            send(CLOSE);
            done.run();
        } else if (discarded) {
            done.run();
        } else {
            shouldClose = done;
            closeTimer = session.schedule(() -> session.locked(() -> {
                if (shouldClose == done) {
                    shouldClose = null;
                    done.run();
                }
            }), CLOSE_TIMEOUT.toMillis());
        }
    }

    @Override
    void discard() {
        discarded = true;
    }

    @Override
    void abort(int closeCode, String closeReason) {
        cutShortData();
        // the session has dropped what waited for the next GET; a pending one ends the transport
        if (!closed && pendingGet != null) {
            send(CLOSE);
        }
        closed = true;
        shouldClose = null;
        if (closeTimer != null) {
            closeTimer.cancel(false);
        }
    }

    /** Releases a pending GET with a noop, as the upgrade check and close do. */
    void releaseWithNoop() {
        if (pendingGet != null) {
            send(NOOP);
        }
    }
}
