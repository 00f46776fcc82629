package io.socketee.it.support;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One external process (or group of them) shared by the test classes that need it: started on
 * first use (from a {@code @Deployment} method, before the WARs connect), stopped by the test
 * class's {@code @AfterAll}; a JVM shutdown hook is only the last resort, as Surefire may halt
 * its JVM before the hooks finish.
 *
 * <p>Thread-safe: {@link #get} and {@link #stop} are synchronized.
 *
 * @param <T> what runs: a Redis, a Redis Cluster, a Sentinel deployment
 */
final class SharedProcess<T> {
    private final Supplier<T> start;
    private final Consumer<T> stop;
    private final String hookName;
    private T current;

    SharedProcess(Supplier<T> start, Consumer<T> stop, String hookName) {
        this.start = start;
        this.stop = stop;
        this.hookName = hookName;
    }

    /** The running one, started now if none runs. */
    synchronized T get() {
        if (current == null) {
            T started = start.get();
            current = started;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop.accept(started), hookName));
        }
        return current;
    }

    /** Stops the running one, if any. */
    synchronized void stop() {
        if (current != null) {
            stop.accept(current);
            current = null;
        }
    }
}
