package io.socketee.internal.concurrent;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs tasks one at a time, in submission order, on a shared executor, without holding a thread
 * between tasks.
 *
 * <p>Thread-safe: {@link #execute} may be called from any thread. At most one task runs at a
 * time, and each task sees the effects of the ones before it. A task that throws is logged and
 * the next one runs. Each task runs inside the executor's {@link HandlerScope}, on the thread that
 * runs it.
 */
public final class SerialExecutor implements Executor {
    private static final Logger LOG = Logger.getLogger(SerialExecutor.class.getName());
    /** Tasks run per turn on the shared executor, so one busy client cannot hog a thread. */
    private static final int BATCH = 64;

    private final Executor delegate;
    private final HandlerScope scope;
    private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile Thread runner;

    public SerialExecutor(Executor delegate) {
        this(delegate, HandlerScope.NONE);
    }

    /** Runs each task inside {@code scope}: one scope per task. */
    public SerialExecutor(Executor delegate, HandlerScope scope) {
        this.delegate = delegate;
        this.scope = scope;
    }

    @Override
    public void execute(Runnable task) {
        queue.add(task);
        schedule();
    }

    /**
     * Runs {@code task} on the calling thread when this executor is idle (nothing running or
     * queued), so a lone packet costs no thread hand-off; else queues it behind the others.
     * Either way tasks keep their order and never overlap. After a batch, what is left goes to
     * the shared executor, so one busy client does not keep the caller's thread.
     */
    public void executeHere(Runnable task) {
        queue.add(task);
        if (scheduled.compareAndSet(false, true)) {
            drain();
        }
    }

    /** Whether the calling thread is running one of this executor's tasks right now. */
    public boolean inCurrentThread() {
        return runner == Thread.currentThread();
    }

    private void schedule() {
        if (!scheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            delegate.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // the shared executor is shutting down: finish the work here rather than lose it
            LOG.log(Level.FINE, "executor rejected a task; running it on the caller", e);
            drain();
        }
    }

    private void drain() {
        Thread previous = runner;
        runner = Thread.currentThread();
        try {
            for (int i = 0; i < BATCH; i++) {
                Runnable task = queue.poll();
                if (task == null) {
                    break;
                }
                runSafely(task);
            }
        } finally {
            runner = previous;
            scheduled.set(false);
        }
        if (!queue.isEmpty()) {
            schedule();
        }
    }

    private void runSafely(Runnable task) {
        try {
            scope.run(task);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a serially executed task failed", e);
        }
    }
}
