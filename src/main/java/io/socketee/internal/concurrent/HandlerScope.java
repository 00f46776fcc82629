package io.socketee.internal.concurrent;

/**
 * What surrounds each unit of a client's work in which application code may run: one received
 * packet (its middleware, handlers and listeners), one lifecycle change (connect, disconnect), one
 * acknowledgement timeout. The CDI layer makes it a request context (through the Socket.IO layer); without CDI it is
 * {@link #NONE}.
 *
 * <p>Implementations are thread-safe: units of different clients run at once, each on one thread.
 */
@FunctionalInterface
public interface HandlerScope {

    /** Runs each unit as is. */
    HandlerScope NONE = Runnable::run;

    /** Runs {@code unit} on the calling thread, inside the scope. */
    void run(Runnable unit);
}
