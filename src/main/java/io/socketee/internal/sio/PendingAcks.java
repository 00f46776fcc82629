package io.socketee.internal.sio;

import io.socketee.internal.metrics.MetricsRecorder;
import io.socketee.internal.metrics.Counter;
import io.socketee.Args;
import io.socketee.IoException;
import io.socketee.adapter.BroadcastAck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The acknowledgements one socket awaits from its client, by id, with their timeouts.
 *
 * <p>Thread-safe. Answers, timeouts and failures complete the stages on the client's serial
 * executor, so code chained on them runs in order with that client's listeners.
 */
final class PendingAcks {
    private final Client client;
    private final ScheduledExecutorService scheduler;
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();

    /** One awaited answer: for the socket's own emit (a future) or for a broadcast (a collector). */
    private record Pending(CompletableFuture<Args> future, ScheduledFuture<?> timer, BroadcastAck broadcast) {
        void cancelTimer() {
            if (timer != null) {
                timer.cancel(false);
            }
        }
    }

    private final MetricsRecorder metrics;

    PendingAcks(Client client, ScheduledExecutorService scheduler, MetricsRecorder metrics) {
        this.client = client;
        this.scheduler = scheduler;
        this.metrics = metrics;
    }

    /** Awaits the answer to {@code id}, for at most {@code timeout} when it is not null. */
    CompletionStage<Args> register(long id, Duration timeout) {
        CompletableFuture<Args> future = new CompletableFuture<>();
        pending.put(id, new Pending(future, null, null));
        if (timeout != null) {
            ScheduledFuture<?> timer = scheduler.schedule(
                    () -> client.runSerially(() -> expire(id)), Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
            pending.computeIfPresent(id, (k, p) -> new Pending(p.future(), timer, null));
        }
        return future.minimalCompletionStage();
    }

    /** Awaits the answer to broadcast packet {@code id}, for {@code collector}. */
    void registerBroadcast(long id, BroadcastAck collector) {
        pending.put(id, new Pending(null, null, collector));
    }

    /** Stops awaiting {@code id} without telling anyone (its broadcast ended). */
    void forget(long id) {
        pending.remove(id);
    }

    /** Completes the wait for {@code id} with the client's answer; unknown ids are ignored. */
    void complete(long id, Args answer) {
        Pending p = pending.remove(id);
        if (p == null) {
            return;
        }
        p.cancelTimer();
        if (p.broadcast() != null) {
            p.broadcast().answered(answer);
        } else {
            p.future().complete(answer);
        }
    }

    private void expire(long id) {
        Pending p = pending.remove(id);
        if (p != null && p.future() != null) {
            metrics.increment(Counter.ACK_TIMEOUTS);
            p.future().completeExceptionally(new TimeoutException("operation has timed out"));
        }
    }

    /** Fails every wait: the socket has left its namespace. */
    void failAll() {
        List<Pending> all = new ArrayList<>();
        for (Long id : List.copyOf(pending.keySet())) {
            Pending p = pending.remove(id);
            if (p != null) {
                all.add(p);
            }
        }
        for (Pending p : all) {
            p.cancelTimer();
            if (p.broadcast() != null) {
                p.broadcast().lost();
            } else {
                p.future().completeExceptionally(new IoException("the socket disconnected before acknowledging"));
            }
        }
    }
}
