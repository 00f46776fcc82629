package io.socketee.internal.engine;

import io.socketee.internal.protocol.engine.EnginePacket;
import io.socketee.internal.protocol.engine.EnginePacketType;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * One attempt to move a polling session onto a WebSocket: wait for {@code 2probe}, answer
 * {@code 3probe}, release the pending GET with {@code 6} noops every 100 ms, and switch on
 * {@code 5}. Anything else, or the upgrade timeout, drops the candidate and the session stays on
 * polling. Packets never get lost or reordered: the session's one write buffer goes to polling
 * until the switch and to the WebSocket after it.
 *
 * <p>Guarded by the owning session's lock.
 */
final class Upgrade {
    private static final long CHECK_MILLIS = 100;

    private final EngineSession session;
    private final WebSocketTransport candidate;
    private final ScheduledFuture<?> timeout;
    private ScheduledFuture<?> check;
    private boolean done;

    Upgrade(EngineSession session, WebSocketTransport candidate) {
        this.session = session;
        this.candidate = candidate;
        this.timeout = session.schedule(() -> session.locked(() -> {
            if (!done) {
                abort();
            }
        }), session.options().upgradeTimeout().toMillis());
    }

    WebSocketTransport candidate() {
        return candidate;
    }

    /** A packet from the candidate before the switch; lock held. */
    void onPacket(EnginePacket packet) {
        if (done) {
            return;
        }
        if (packet.type() == EnginePacketType.PING && packet instanceof EnginePacket.Text t
                && t.data().equals("probe")) {
            candidate.send(List.of(new EnginePacket.Text(EnginePacketType.PONG, "probe")));
            cancelCheck();
            check = session.schedule(() -> session.locked(this::releasePoll), CHECK_MILLIS);
        } else if (packet.type() == EnginePacketType.UPGRADE
                && session.state() != EngineSession.State.CLOSED) {
            finish();
            session.completeUpgrade(candidate);
        } else {
            abort();
        }
    }

    private void releasePoll() {
        if (done) {
            return;
        }
        if (session.transport() instanceof PollingTransport polling) {
            polling.releaseWithNoop();
        }
        check = session.schedule(() -> session.locked(this::releasePoll), CHECK_MILLIS);
    }

    /** Gives up: closes the candidate; lock held. */
    void abort() {
        if (done) {
            return;
        }
        finish();
        candidate.close(() -> { });
        session.upgradeEnded();
    }

    private void finish() {
        done = true;
        timeout.cancel(false);
        cancelCheck();
    }

    private void cancelCheck() {
        if (check != null) {
            check.cancel(false);
        }
    }
}
