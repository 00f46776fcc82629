package io.socketee.internal.engine;

import io.socketee.internal.engine.EngineServer.Refusal;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The application's handshake check (the reference's {@code allowRequest}), bounded: a check that
 * throws, fails, or is still undecided after the deadline refuses with "Forbidden" and logs why.
 *
 * <p>Immutable; thread-safe.
 */
final class HandshakeCheck {
    private static final Logger LOG = Logger.getLogger(HandshakeCheck.class.getName());
    private static final Refusal FORBIDDEN = new Refusal(EngineError.FORBIDDEN, null);

    private final EngineOptions.HandshakeVerifier verifier;
    private final Duration deadline;
    private final ScheduledExecutorService timer;

    /**
     * @param verifier the application's check
     * @param deadline how long it may take
     * @param timer only keeps time (the deadline completes the answer, nothing more)
     */
    HandshakeCheck(EngineOptions.HandshakeVerifier verifier, Duration deadline, ScheduledExecutorService timer) {
        this.verifier = verifier;
        this.deadline = deadline;
        this.timer = timer;
    }

    /** Completes with the refusal of {@code req}, if any; at once when the check decides at once. */
    CompletableFuture<Optional<Refusal>> check(HandshakeRequest req) {
        CompletionStage<Optional<String>> stage;
        try {
            stage = verifier.check(req);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "SOCKETEE-ENGINE-010 the handshake check failed: refused", e);
            return CompletableFuture.completedFuture(Optional.of(FORBIDDEN));
        }
        CompletableFuture<Optional<Refusal>> decided = new CompletableFuture<>();
        stage.whenComplete((message, failure) -> {
            if (failure != null) {
                LOG.log(Level.WARNING, "SOCKETEE-ENGINE-010 the handshake check failed: refused", failure);
                decided.complete(Optional.of(FORBIDDEN));
            } else {
                decided.complete(message == null ? Optional.empty()
                        : message.map(m -> new Refusal(EngineError.FORBIDDEN, m)));
            }
        });
        if (!decided.isDone()) {
            long millis = deadline.toMillis();
            ScheduledFuture<?> due = timer.schedule(() -> {
                if (decided.complete(Optional.of(FORBIDDEN))) {
                    LOG.warning(() -> "SOCKETEE-ENGINE-011 the handshake check took more than " + millis
                            + " ms (socketio.allowRequestTimeout): refused");
                }
            }, millis, TimeUnit.MILLISECONDS);
            decided.whenComplete((r, e) -> due.cancel(false));
        }
        return decided;
    }

    /**
     * The check, waited for on the calling thread, for hosts whose API is synchronous (a WebSocket
     * upgrade); the deadline bounds the wait.
     */
    Optional<Refusal> checkNow(HandshakeRequest req) {
        try {
            return check(req).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(FORBIDDEN);
        } catch (ExecutionException e) {
            return Optional.of(FORBIDDEN);
        }
    }
}
