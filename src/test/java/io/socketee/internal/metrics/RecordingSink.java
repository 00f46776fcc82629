package io.socketee.internal.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * A metrics API for tests: keeps the gauges it is given so a test can read them, and what each
 * counter series received. Thread-safe.
 */
public final class RecordingSink implements CountingRecorder.Sink {
    private final Map<String, LongSupplier> gauges = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.LongAdder> counters = new ConcurrentHashMap<>();

    @Override
    public LongConsumer counter(Counter counter, String label) {
        java.util.concurrent.atomic.LongAdder a = counters.computeIfAbsent(counter.metricName() + label,
                k -> new java.util.concurrent.atomic.LongAdder());
        return a::add;
    }

    @Override
    public void gauge(Gauge gauge, List<String> labels, LongSupplier value) {
        gauges.put(gauge.metricName() + labels, value);
    }

    @Override
    public void removeGauge(Gauge gauge, List<String> labels) {
        gauges.remove(gauge.metricName() + labels);
    }

    /** A gauge's value now. */
    public long gauge(Gauge gauge, String... labels) {
        LongSupplier g = gauges.get(gauge.metricName() + List.of(labels));
        if (g == null) {
            throw new AssertionError("no gauge " + gauge.metricName() + List.of(labels) + " among " + gauges.keySet());
        }
        return g.getAsLong();
    }

    /** Whether a gauge series is published. */
    public boolean hasGauge(Gauge gauge, String... labels) {
        return gauges.containsKey(gauge.metricName() + List.of(labels));
    }

    /** What the API's copy of a counter series received; registered series read 0. */
    public long published(Counter counter, String label) {
        java.util.concurrent.atomic.LongAdder a = counters.get(counter.metricName() + label);
        if (a == null) {
            throw new AssertionError("series not registered: " + counter.metricName() + " " + label);
        }
        return a.sum();
    }
}
