package io.socketee.internal.transport.websocket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Closes containers' WebSocket sessions off the caller's thread, and makes sure every close
 * ends. A container's {@code Session.close} sends a close frame and may wait for it to be
 * written: Open Liberty (26.0.0.3) waits with no end when the peer reads nothing and the socket's
 * buffers are full (seen in {@code FuzzIT}: closer threads parked in
 * {@code SimpleSync.simpleWait} for minutes), which would hold a closer thread per such peer and,
 * with all of them held, every later close. So each close runs on the {@code closer} executor,
 * and when it has not returned within {@code grace} the connection is ended by force
 * ({@link ContainerQuirks#abortConnection}: on Open Liberty its TCP connection is closed, which
 * also fails the stuck write and frees the thread). Afterwards a connection the container left
 * open is ended ({@link ContainerQuirks#endStuckConnection}), and once more after {@code grace}:
 * Open Liberty waits for the peer's answer to its close frame, and seen in {@code FuzzIT} waited
 * for minutes (its own 30 s limit notwithstanding) for a peer that never answered.
 *
 * <p>Thread-safe.
 */
public final class SessionCloser {
    private static final Logger LOG = Logger.getLogger(SessionCloser.class.getName());

    private final Executor closer;
    private final ScheduledExecutorService timer;
    private final Duration grace;
    private final BiConsumer<Session, CloseReason> abort;

    /**
     * @param closer runs the closes, which may block, on threads of its own
     * @param timer only keeps time: the forced end it triggers does not block
     * @param grace how long a close may take before its connection is ended by force
     */
    public SessionCloser(Executor closer, ScheduledExecutorService timer, Duration grace) {
        this(closer, timer, grace, ContainerQuirks::abortConnection);
    }

    SessionCloser(Executor closer, ScheduledExecutorService timer, Duration grace, BiConsumer<Session, CloseReason> abort) {
        this.closer = closer;
        this.timer = timer;
        this.grace = grace;
        this.abort = abort;
    }

    /** Closes {@code session} on the closer executor (here when it refuses: shutting down). */
    void closeLater(Session session, CloseReason reason) {
        try {
            closer.execute(() -> closeNow(session, reason));
        } catch (RejectedExecutionException e) {
            closeNow(session, reason);
        }
    }

    private void closeNow(Session session, CloseReason reason) {
        Thread closing = Thread.currentThread();
        java.util.concurrent.atomic.AtomicBoolean inClose = new java.util.concurrent.atomic.AtomicBoolean(true);
        ScheduledFuture<?> force = schedule(() -> {
            abort.accept(session, reason);
            if (inClose.get()) {
                closing.interrupt(); // a container waiting for its write may give up on an interrupt
            }
        });
        try {
            if (session.isOpen()) {
                session.close(reason);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "WebSocket close failed", e);
        } finally {
            inClose.set(false);
            if (force != null) {
                force.cancel(false);
            }
            Thread.interrupted(); // an interrupt meant for this close must not reach the next task
        }
        ContainerQuirks.endStuckConnection(session, reason);
        schedule(() -> abort.accept(session, reason));
    }

    private ScheduledFuture<?> schedule(Runnable afterGrace) {
        try {
            return timer.schedule(afterGrace, grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return null; // shutting down: the container ends what is left
        }
    }
}
