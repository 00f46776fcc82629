package io.socketee.internal.engine;

import io.socketee.internal.metrics.Counter;
import io.socketee.internal.protocol.ProtocolException;
import io.socketee.internal.protocol.engine.EnginePacket;
import io.socketee.internal.protocol.engine.EnginePacketType;
import io.socketee.internal.protocol.engine.EngineVersion;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One Engine.IO session: its state machine (opening, open, closing, closed), its write buffer,
 * its heartbeat and the transport that currently carries it, across an upgrade.
 *
 * <p>Output is bounded: the bytes waiting for the client, in the write buffer and in the
 * transport, may not pass {@link EngineOptions#maxBufferedBytes}, and while any wait they must
 * make progress within {@link EngineOptions#writeTimeout} (the server's sweep checks, see
 * {@link #stalled}). A client that breaks either bound is dropped with "transport error" and
 * what waited for it is released at once.
 *
 * <p>Thread-safe. One lock guards all state; network work and calls to the handler run after the
 * lock is released (see {@link #locked}). A second, reentrant lock serialises handler calls so
 * they come one at a time and in wire order. Lock order: inbound, then state; never the reverse.
 */
final class EngineSession implements EngineSocket {
    private static final Logger LOG = Logger.getLogger(EngineSession.class.getName());
    enum State { OPENING, OPEN, CLOSING, CLOSED }
    private static final Runnable[] NO_EFFECTS = {};

    private final EngineServer server;
    private final String id;
    private final EngineVersion version;
    private final HandshakeRequest request;
    private final ReentrantLock lock = new ReentrantLock();
    private final ReentrantLock inbound = new ReentrantLock();
    private final ArrayDeque<Runnable> effects = new ArrayDeque<>();
    private final List<EnginePacket> writeBuffer = new ArrayList<>();
    /** The bytes in {@link #writeBuffer}; written under the lock, read by the sweep. */
    private volatile long bufferedBytes;
    /** The sweep's last sight of progress and when it took it (the sweep's thread only). */
    private long watchedProgress;
    private long watchedSince;
    /** The transport the sweep last looked at: a new one (after an upgrade) starts the clock anew. */
    private Transport watchedTransport;
    private volatile EngineSocketHandler handler = EngineSocketHandler.IGNORE;
    /** The polling POST whose packets are being delivered, and the thread delivering them. */
    private volatile Carrier carrier;

    /** An HTTP request carrying packets in, on the thread that delivers them. */
    private record Carrier(Thread thread, HandshakeRequest request) {
    }
    private volatile State state = State.OPENING;
    private volatile Transport transport;
    private Upgrade upgrade;
    private boolean upgraded;
    private boolean closeAfterDrain;
    private final Heartbeat heartbeat = new Heartbeat(this);

    EngineSession(EngineServer server, String id, EngineVersion version, HandshakeRequest request) {
        this.server = server;
        this.id = id;
        this.version = version;
        this.request = request;
    }

    // ---- EngineSocket -------------------------------------------------------------------

    @Override
    public String id() {
        return id;
    }

    @Override
    public EngineVersion version() {
        return version;
    }

    @Override
    public HandshakeRequest request() {
        return request;
    }

    @Override
    public Optional<HandshakeRequest> currentRequest() {
        Carrier c = carrier;
        return c != null && c.thread() == Thread.currentThread() ? Optional.of(c.request()) : Optional.empty();
    }

    /**
     * Runs {@code body}, which delivers the packets of one polling POST, with that POST as the
     * {@link #currentRequest} of this thread. Polling POSTs of one session never overlap.
     */
    void receivingOver(HandshakeRequest post, Runnable body) {
        carrier = new Carrier(Thread.currentThread(), post);
        try {
            body.run();
        } finally {
            carrier = null;
        }
    }

    @Override
    public String transportName() {
        lock.lock();
        try {
            return transport.name();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void setHandler(EngineSocketHandler handler) {
        this.handler = handler == null ? EngineSocketHandler.IGNORE : handler;
    }

    @Override
    public void sendText(String message) {
        locked(() -> sendPacket(EnginePacket.message(message)));
    }

    @Override
    public void sendBinary(byte[] message) {
        locked(() -> sendPacket(new EnginePacket.Binary(message)));
    }

    @Override
    public void sendAll(List<Object> messages) {
        // one flush per packet, like the reference: a pending GET carries the first packet alone
        locked(() -> {
            for (Object m : messages) {
                sendPacket(m instanceof String s ? EnginePacket.message(s) : new EnginePacket.Binary((byte[]) m));
            }
        });
    }

    @Override
    public void close() {
        locked(() -> {
            if (state != State.OPEN) {
                return;
            }
            state = State.CLOSING;
            if (writeBuffer.isEmpty()) {
                closeTransport();
            } else {
                closeAfterDrain = true;
            }
        });
    }

    @Override
    public boolean isOpen() {
        return state == State.OPEN;
    }

    /** Whether a packet would go out now: open, the transport free, and little output waiting. */
    @Override
    public boolean writable() {
        lock.lock();
        try {
            return state == State.OPEN && transport.writable()
                    && bufferedBytes + transport.pendingBytes() <= options().volatileLowWater();
        } finally {
            lock.unlock();
        }
    }

    // ---- locking and effects ----------------------------------------------------------

    /**
     * Runs {@code body} under the state lock, then the effects it deferred, outside it. Most calls
     * defer one effect (a WebSocket's flush), which is taken without copying the queue.
     */
    void locked(Runnable body) {
        Runnable first;
        Runnable[] rest;
        lock.lock();
        try {
            body.run();
        } finally {
            first = effects.poll();
            rest = effects.isEmpty() ? NO_EFFECTS : effects.toArray(NO_EFFECTS);
            effects.clear();
            lock.unlock();
        }
        if (first != null) {
            runEffect(first);
        }
        for (Runnable r : rest) {
            runEffect(r);
        }
    }

    private void runEffect(Runnable effect) {
        try {
            effect.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "session " + id + ": deferred action failed", e);
        }
    }

    /**
     * Runs {@code body} with incoming messages held back: a message that arrives meanwhile on
     * another thread reaches the handler after {@code body} returns, never before, so a handler
     * attached in {@code body} sees every message. Call without the state lock.
     */
    void holdingInbound(Runnable body) {
        inbound.lock();
        try {
            body.run();
        } finally {
            inbound.unlock();
        }
    }

    /** Defers network work until the lock is released; call with the lock held. */
    void defer(Runnable effect) {
        effects.add(effect);
    }

    ScheduledFuture<?> schedule(Runnable task, long millis) {
        Runnable guarded = () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "session " + id + ": timer failed", e);
            }
        };
        return server.scheduler().schedule(() -> {
            try {
                server.worker().execute(guarded);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.log(Level.FINE, "session " + id + ": timer dropped at shutdown", e);
            }
        }, millis, TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} on the server's worker, or here when the worker refuses it (shutdown). No lock held. */
    void offload(Runnable task) {
        try {
            server.worker().execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            task.run();
        }
    }

    EngineOptions options() {
        return server.options();
    }

    EngineServer server() {
        return server;
    }

    private io.socketee.internal.metrics.MetricsRecorder metrics() {
        return server.options().metrics();
    }

    /** The name of the transport that carries the session now, read without the lock. */
    String currentTransportName() {
        Transport t = transport;
        return t == null ? "" : t.name();
    }

    // ---- lifecycle ----------------------------------------------------------------------

    /** Opens the session on its first transport: queues the handshake and starts the heartbeat. */
    void open(Transport first, String handshakeJson) {
        locked(() -> {
            transport = first;
            state = State.OPEN;
            sendPacket(new EnginePacket.Text(EnginePacketType.OPEN, handshakeJson));
            heartbeat.start();
        });
    }

    /** A packet arrived on {@code from}; delivers messages to the handler in order. */
    void onPacket(Transport from, EnginePacket packet) {
        inbound.lock();
        try {
            boolean[] deliver = new boolean[1];
            locked(() -> deliver[0] = accept(from, packet));
            if (deliver[0]) {
                metrics().increment(Counter.ENGINE_MESSAGES_RECEIVED);
                metrics().add(Counter.ENGINE_BYTES_RECEIVED, "", size(packet) - 1);
                if (packet instanceof EnginePacket.Binary b) {
                    handler.onBinary(b.data());
                } else {
                    handler.onText(((EnginePacket.Text) packet).data());
                }
            }
        } finally {
            inbound.unlock();
        }
    }

    /** Applies a packet to the state; returns whether it is a message to deliver. */
    private boolean accept(Transport from, EnginePacket packet) {
        if (state != State.OPEN || from != transport) {
            return false;
        }
        heartbeat.onPacket(packet.type());
        switch (packet.type()) {
            case PING -> {
                if (version == EngineVersion.V4) {
                    onError("invalid heartbeat direction");
                    return false;
                }
                heartbeat.onClientPing();
            }
            case PONG -> {
                if (version == EngineVersion.V3) {
                    onError("invalid heartbeat direction");
                    return false;
                }
                heartbeat.onPong();
            }
            case MESSAGE -> {
                return true;
            }
            default -> {
                // open, close, upgrade and noop from the client change nothing here
            }
        }
        return false;
    }

    /** A transport error; call with the lock held. */
    void onError(String description) {
        LOG.fine(() -> "session " + id + ": transport error: " + description);
        onClose("transport error");
    }

    /** A packet could not be decoded. Takes the lock itself. */
    void onParseError(ProtocolException e) {
        LOG.fine(() -> "session " + id + ": parse error: " + e.getMessage());
        locked(() -> onClose("parse error"));
    }

    /** The peer closed {@code which}; call with the lock held. */
    void onTransportClose(Transport which) {
        if (which == transport) {
            onClose("transport close");
        } else if (upgrade != null && upgrade.candidate() == which) {
            upgrade.abort();
        }
    }

    /** Closes the session for good; call with the lock held. */
    void onClose(String reason) {
        if (state == State.CLOSED) {
            return;
        }
        closeWith(reason, t -> t.close(() -> { }));
    }

    /**
     * The client did not answer the heartbeat in time: the session closes with "ping timeout" and
     * its transport is aborted, since a peer that answers nothing may read nothing either (a close
     * frame queued behind unread output would never go out). Call with the lock held.
     */
    void onPingTimeout() {
        if (state == State.CLOSED) {
            return;
        }
        closeWith("ping timeout", t -> t.abort(1000, ""));
    }

    /**
     * Drops a client that does not read its output: everything waiting for it is released now
     * and its transport closed without sending it; the handler hears "transport error". Call
     * with the lock held.
     */
    void dropSlowConsumer(String why) {
        if (state == State.CLOSED) {
            return;
        }
        LOG.fine(() -> "SOCKETEE-ENGINE-003 session " + id + ": client does not read its output (" + why
                + "); closing");
        metrics().increment(Counter.ENGINE_SLOW_CONSUMERS);
        long released = writeBuffer.stream().filter(p -> p.type() == EnginePacketType.MESSAGE).count();
        if (released > 0) {
            metrics().add(Counter.PACKETS_DROPPED, "slow_consumer", released);
        }
        closeWith("transport error", t -> t.abort(1008, "output not read"));
    }

    private void closeWith(String reason, java.util.function.Consumer<Transport> end) {
        state = State.CLOSED;
        metrics().increment(Counter.ENGINE_DISCONNECTIONS, reason);
        heartbeat.stop();
        writeBuffer.clear();
        bufferedBytes = 0;
        if (upgrade != null) {
            upgrade.abort();
        }
        end.accept(transport);
        server.remove(this);
        EngineSocketHandler h = handler;
        defer(() -> {
            inbound.lock();
            try {
                h.onClose(reason);
            } finally {
                inbound.unlock();
            }
        });
    }

    private void closeTransport() {
        transport.close(() -> onClose("forced close"));
    }

    // ---- sending ------------------------------------------------------------------------

    /** Queues a packet and flushes; call with the lock held. */
    void sendPacket(EnginePacket packet) {
        if (state == State.CLOSING || state == State.CLOSED) {
            return;
        }
        long size = size(packet);
        long waiting = bufferedBytes + transport.pendingBytes();
        if (waiting > 0 && waiting + size > options().maxBufferedBytes()) {
            if (packet.type() == EnginePacketType.MESSAGE) {
                metrics().increment(Counter.PACKETS_DROPPED, "slow_consumer");
            }
            dropSlowConsumer(waiting + " bytes waiting, " + size + " more to send, limit "
                    + options().maxBufferedBytes());
            return;
        }
        writeBuffer.add(packet);
        bufferedBytes += size;
        if (packet.type() == EnginePacketType.MESSAGE) {
            metrics().increment(Counter.ENGINE_MESSAGES_SENT);
            metrics().add(Counter.ENGINE_BYTES_SENT, "", size - 1);
        }
        flush();
    }

    /**
     * Sends a heartbeat packet (ping, or a v3 pong) ahead of the messages waiting for the client,
     * so that a client that reads is never dropped because the server is behind with its
     * messages. Not counted against the output bound. Call with the lock held.
     */
    void sendHeartbeat(EnginePacket packet) {
        if (state == State.CLOSING || state == State.CLOSED) {
            return;
        }
        if (transport.sendsUrgent()) {
            transport.sendUrgent(packet);
            return;
        }
        writeBuffer.add(0, packet);
        bufferedBytes += size(packet);
        flush();
    }

    /** What a packet costs in the bounds: its payload, text counted in characters. */
    private static long size(EnginePacket packet) {
        return 1 + (packet instanceof EnginePacket.Binary b ? b.data().length
                : ((EnginePacket.Text) packet).data().length());
    }

    /**
     * Whether output has waited with no progress for {@code timeoutMillis} at {@code nowMillis}.
     * Called by the server's sweep, always from the same thread, without the lock.
     */
    boolean stalled(long nowMillis, long timeoutMillis) {
        Transport t = transport;
        long progress = t.progress();
        if (bufferedBytes + t.pendingBytes() == 0 || progress != watchedProgress || t != watchedTransport) {
            // the first look at a session (or at its new transport) starts the clock too
            watchedTransport = t;
            watchedProgress = progress;
            watchedSince = nowMillis;
            return false;
        }
        return nowMillis - watchedSince >= timeoutMillis;
    }

    /** Sends the write buffer if the transport can take it; call with the lock held. */
    void flush() {
        if (state == State.CLOSED || !transport.writable() || writeBuffer.isEmpty()) {
            return;
        }
        List<EnginePacket> batch = List.copyOf(writeBuffer); // usually one packet: no array
        writeBuffer.clear();
        bufferedBytes = 0;
        transport.send(batch);
        if (closeAfterDrain) {
            closeAfterDrain = false;
            closeTransport();
        }
    }

    // ---- upgrade ------------------------------------------------------------------------

    /** Starts probing a WebSocket for this session; false when it must be refused. */
    boolean beginUpgrade(WebSocketTransport candidate) {
        boolean[] ok = new boolean[1];
        locked(() -> {
            if (state != State.OPEN || upgrade != null || upgraded) {
                return;
            }
            upgrade = new Upgrade(this, candidate);
            ok[0] = true;
        });
        return ok[0];
    }

    /** Called by {@link Upgrade} when the client confirmed it; lock held. */
    void completeUpgrade(WebSocketTransport ws) {
        upgrade = null;
        metrics().increment(Counter.ENGINE_UPGRADES);
        transport.discard();
        upgraded = true;
        Transport old = transport;
        transport = ws;
        old.close(() -> { });
        EngineSocketHandler h = handler;
        defer(() -> h.onUpgrade("websocket"));
        flush();
        if (state == State.CLOSING) {
            ws.close(() -> onClose("forced close"));
        }
    }

    /** Called by {@link Upgrade} when it ends without success; lock held. */
    void upgradeEnded() {
        upgrade = null;
    }

    Upgrade currentUpgrade() {
        return upgrade;
    }

    Transport transport() {
        return transport;
    }

    State state() {
        return state;
    }
}
