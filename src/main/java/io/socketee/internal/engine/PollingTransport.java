package io.socketee.internal.engine;

import io.socketee.internal.protocol.ProtocolException;
import io.socketee.internal.protocol.engine.EnginePacket;
import io.socketee.internal.protocol.engine.EnginePacketType;
import java.io.IOException;
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
 * <p>Guarded by the owning session's lock, except {@link #onRequest}, which takes it itself.
 */
final class PollingTransport extends Transport {
    private static final byte[] OK = "ok".getBytes(StandardCharsets.US_ASCII);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final List<EnginePacket> NOOP = List.of(EnginePacket.of(EnginePacketType.NOOP));
    private static final List<EnginePacket> CLOSE = List.of(EnginePacket.of(EnginePacketType.CLOSE));

    private final EngineSession session;
    private final boolean supportsBinary;
    private PollingExchange pendingGet;
    private boolean postInFlight;
    private Runnable shouldClose;
    private ScheduledFuture<?> closeTimer;
    private boolean discarded;
    private boolean closed;
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
            session.flush();
            if (pendingGet != null && shouldClose != null) {
                send(NOOP);
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
            if (postInFlight) {
                session.onError("data request overlap from client");
                refused[0] = true;
            } else if (binary && session.version() == io.socketee.internal.protocol.engine.EngineVersion.V4) {
                session.onError("invalid content");
                refused[0] = true;
            } else {
                postInFlight = true;
            }
        });
        if (refused[0]) {
            ex.respond(400, Map.of(), new byte[0]);
            return;
        }
        // the POST counts as finished before its answer is written: the client may send the next
        // one the moment it reads "ok", possibly before this thread returns
        int status = 200;
        try {
            Optional<byte[]> body = ex.readBody(session.options().maxHttpBufferSize());
            if (body.isEmpty()) {
                status = 413;
            } else {
                receive(body.get(), binary);
            }
        } catch (IOException e) {
            session.locked(() -> {
                postInFlight = false;
                session.onError("data request connection closed prematurely");
            });
            return;
        }
        session.locked(() -> postInFlight = false);
        if (status == 413) {
            ex.respond(413, Map.of(), new byte[0]);
            return;
        }
        Map<String, String> headers = headers(ex);
        headers.put("Content-Type", "text/html");
        ex.respond(200, headers, OK);
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
        Map<String, String> headers = headers(ex);
        headers.put("Content-Type", body.contentType());
        session.defer(() -> ex.respond(200, headers, body.bytes()));
        if (closing != null) {
            closing.run();
        }
    }

    private Map<String, String> headers(PollingExchange ex) {
        Map<String, String> headers = new LinkedHashMap<>();
        session.server().responseHeaders(ex.request(), session.id(), headers);
        headers.put("Cache-Control", "no-store");
        return headers;
    }

    @Override
    void close(Runnable onClosed) {
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
