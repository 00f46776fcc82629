package io.socketee.internal.engine;

import io.socketee.internal.protocol.engine.EnginePacket;
import io.socketee.internal.protocol.engine.EnginePacketType;
import io.socketee.internal.protocol.engine.EngineVersion;
import java.util.concurrent.ScheduledFuture;

/**
 * A session's liveness check, as the reference keeps it. v4: the server pings every
 * {@code pingInterval} and closes with "ping timeout" when no pong comes within
 * {@code pingTimeout}; the first other packet after a ping also refreshes the timeout once.
 * v3: the client pings; silence for {@code pingInterval + pingTimeout} closes the session.
 * Pings and pongs go ahead of the messages waiting for the client ({@link EngineSession#sendHeartbeat});
 * the timeout aborts the transport (see {@link EngineSession#onPingTimeout}).
 *
 * <p>Guarded by the owning session's lock.
 */
final class Heartbeat {
    private final EngineSession session;
    private ScheduledFuture<?> pingTask;
    private ScheduledFuture<?> timeoutTask;
    private boolean refreshed;

    Heartbeat(EngineSession session) {
        this.session = session;
    }

    /** Starts the heartbeat of a newly opened session. */
    void start() {
        if (session.version() == EngineVersion.V3) {
            expectWithin(interval() + timeout());
        } else {
            schedulePing();
        }
    }

    /** Any packet from the client (v4 rule: the first one after a ping refreshes the timeout). */
    void onPacket(EnginePacketType type) {
        if (session.version() == EngineVersion.V4 && timeoutTask != null && !refreshed
                && type != EnginePacketType.PONG) {
            expectWithin(timeout());
            refreshed = true;
        }
    }

    /** A v3 client's ping: answered with a pong, and the client has another full period. */
    void onClientPing() {
        expectWithin(interval() + timeout());
        session.sendHeartbeat(EnginePacket.of(EnginePacketType.PONG));
    }

    /** A v4 client's pong: the next ping comes a full interval from now. */
    void onPong() {
        cancel(timeoutTask);
        timeoutTask = null;
        cancel(pingTask);
        schedulePing();
    }

    /** Stops every timer, for good. */
    void stop() {
        cancel(pingTask);
        cancel(timeoutTask);
    }

    private void schedulePing() {
        pingTask = session.schedule(() -> session.locked(() -> {
            if (session.state() == EngineSession.State.CLOSED) {
                return;
            }
            refreshed = false;
            session.sendHeartbeat(EnginePacket.of(EnginePacketType.PING));
            expectWithin(timeout());
        }), interval());
    }

    private void expectWithin(long millis) {
        cancel(timeoutTask);
        timeoutTask = session.schedule(() -> session.locked(() -> {
            session.onPingTimeout();
        }), millis);
    }

    private long interval() {
        return session.options().pingInterval().toMillis();
    }

    private long timeout() {
        return session.options().pingTimeout().toMillis();
    }

    private static void cancel(ScheduledFuture<?> f) {
        if (f != null) {
            f.cancel(false);
        }
    }
}
