package io.socketee.internal.sio;

import io.socketee.internal.metrics.MetricsRecorder;
import io.socketee.internal.metrics.Counter;
import io.socketee.AckTimeoutException;
import io.socketee.Args;
import io.socketee.adapter.BroadcastAck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Gathers the acknowledgements of one broadcast: it is complete once every server reported its
 * recipient count and every recipient answered or left; it fails at its deadline, if any, with
 * the answers received so far (the reference's {@code checkCompleteness}).
 *
 * <p>Thread-safe: every method synchronises on this object. The result completes on the worker
 * executor, never on a timer thread or under this lock.
 */
final class AckCollector implements BroadcastAck {
    private final int expectedReports;
    private final Executor executor;
    private final CompletableFuture<List<Args>> result = new CompletableFuture<>();
    private final List<Args> answers = new ArrayList<>();
    private final List<Runnable> cleanups = new ArrayList<>();
    private int reports;
    private int expected;
    private int lost;
    private boolean done;
    private ScheduledFuture<?> timer;

    /**
     * @param expectedReports how many {@link #expect} calls come (one per server and namespace)
     * @param executor where the result completes
     */
    private final MetricsRecorder metrics;

    AckCollector(int expectedReports, Executor executor, MetricsRecorder metrics) {
        this.metrics = metrics;
        this.expectedReports = expectedReports;
        this.executor = executor;
    }

    /** Fails the collection with an {@link AckTimeoutException} if not complete after {@code timeout}. */
    synchronized void expireAfter(Duration timeout, ScheduledExecutorService scheduler) {
        if (!done) {
            timer = scheduler.schedule(this::expire, Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
        }
    }

    /** Runs {@code cleanup} (forgetting a recipient's pending ack) when the collection ends. */
    synchronized void onDone(Runnable cleanup) {
        if (done) {
            cleanup.run();
        } else {
            cleanups.add(cleanup);
        }
    }

    CompletionStage<List<Args>> result() {
        return result.minimalCompletionStage();
    }

    @Override
    public synchronized void expect(int count) {
        reports++;
        expected += count;
        check();
    }

    @Override
    public synchronized void answered(Args answer) {
        if (!done) {
            answers.add(answer);
            check();
        }
    }

    @Override
    public synchronized void lost() {
        if (!done) {
            lost++;
            check();
        }
    }

    private void check() {
        if (!done && reports >= expectedReports && answers.size() + lost >= expected) {
            finish(false);
        }
    }

    private synchronized void expire() {
        if (!done) {
            metrics.increment(Counter.ACK_TIMEOUTS);
            finish(true);
        }
    }

    private void finish(boolean timedOut) {
        done = true;
        if (timer != null) {
            timer.cancel(false);
        }
        cleanups.forEach(Runnable::run);
        cleanups.clear();
        List<Args> copy = List.copyOf(answers);
        Runnable completion = timedOut
                ? () -> result.completeExceptionally(new AckTimeoutException(copy))
                : () -> result.complete(copy);
        try {
            executor.execute(completion);
        } catch (RejectedExecutionException e) {
            completion.run();
        }
    }
}
