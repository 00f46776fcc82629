package io.socketee.internal.cdi;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A beat that the runtime's timer hands to its worker pool every second, so that the liveness
 * check can tell whether both still run. A plain object, like {@link ClusterStatus}, so that the
 * check holds it rather than a proxy of the runtime.
 *
 * <p>Thread-safe: the last beat is a volatile timestamp.
 */
final class Pulse {
    /** How old the last beat may be before the threads count as stuck. */
    static final long STALE_AFTER_MILLIS = 10_000;

    private final LongSupplier clock;
    private volatile long lastBeat;
    private volatile boolean stopped;
    private ScheduledFuture<?> task;

    /** A pulse on the monotonic clock. */
    Pulse() {
        this(() -> System.nanoTime() / 1_000_000);
    }

    Pulse(LongSupplier clockMillis) {
        this.clock = clockMillis;
        this.lastBeat = clockMillis.getAsLong();
    }

    /** Starts beating: every second the timer hands one beat to the workers. */
    synchronized void start(ScheduledExecutorService timer, Executor workers) {
        task = timer.scheduleWithFixedDelay(() -> {
            try {
                workers.execute(this::beat);
            } catch (RejectedExecutionException e) {
                // shutting down: the beat stops, and so does the application
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    void beat() {
        lastBeat = clock.getAsLong();
    }

    long millisSinceLastBeat() {
        return clock.getAsLong() - lastBeat;
    }

    /** The application stopped: the check reports up, as a stopped application is not a dead one. */
    synchronized void stop() {
        stopped = true;
        if (task != null) {
            task.cancel(false);
        }
    }

    boolean isStopped() {
        return stopped;
    }
}
