package io.socketee.internal.metrics;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * Where the engine, Socket.IO and adapter layers report what they do. Every method is a no-op by
 * default ({@link #NONE}), so a server without a metrics API pays one virtual call per event.
 * Implementations are thread-safe and never throw.
 */
public interface MetricsRecorder {

    /** Records nothing. */
    MetricsRecorder NONE = new MetricsRecorder() { };

    /** Adds one to an unlabelled counter. */
    default void increment(Counter counter) {
        add(counter, "", 1);
    }

    /** Adds one to a counter's series for {@code label} (the value of its label key). */
    default void increment(Counter counter, String label) {
        add(counter, label, 1);
    }

    /** Adds {@code amount} (not negative) to a counter's series for {@code label}, empty when unlabelled. */
    default void add(Counter counter, String label, long amount) {
    }

    /**
     * Publishes a gauge whose value {@code value} reads from the live state, once per label
     * values; publishing the same series again replaces it.
     */
    default void gauge(Gauge gauge, List<String> labels, LongSupplier value) {
    }

    /** Withdraws a gauge's series, such as the sockets of a namespace that was dropped. */
    default void removeGauge(Gauge gauge, List<String> labels) {
    }
}
