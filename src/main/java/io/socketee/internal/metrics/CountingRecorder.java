package io.socketee.internal.metrics;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * The recorder of a server with a metrics API: each counter series is a {@link LongAdder}, and the
 * {@link Sink} (the binding to the API) is asked once per series for where increments also go;
 * gauges go straight to the sink. Readable in tests through {@link #count}.
 *
 * <p>Thread-safe: the series are created once, under the map's lock; an increment is a map read
 * and two adds.
 */
public final class CountingRecorder implements MetricsRecorder {

    /**
     * A metrics API as the recorder sees it. Implementations are thread-safe; a failing
     * registration is theirs to log, and must not throw.
     */
    public interface Sink {
        /** A sink that publishes nothing: counts stay readable through {@link #count}. */
        Sink NONE = new Sink() {
            @Override
            public LongConsumer counter(Counter counter, String label) {
                return n -> { };
            }

            @Override
            public void gauge(Gauge gauge, List<String> labels, LongSupplier value) {
            }

            @Override
            public void removeGauge(Gauge gauge, List<String> labels) {
            }
        };

        /** Registers a counter series and returns what adds to it. */
        LongConsumer counter(Counter counter, String label);

        /** Registers (or replaces) a gauge series. */
        void gauge(Gauge gauge, List<String> labels, LongSupplier value);

        /** Removes a gauge series. */
        void removeGauge(Gauge gauge, List<String> labels);
    }

    /** One counter series: the count, and where the API's copy is. */
    private record Series(LongAdder total, LongConsumer published) { }

    private final Sink sink;
    private final Map<Counter, ConcurrentHashMap<String, Series>> counters = new EnumMap<>(Counter.class);

    /**
     * A recorder publishing to {@code sink}, with every unlabelled counter and the given label
     * values registered at once, so that a series reads 0 before its first event.
     */
    public CountingRecorder(Sink sink, Map<Counter, List<String>> knownLabels) {
        this.sink = sink;
        for (Counter c : Counter.values()) {
            counters.put(c, new ConcurrentHashMap<>());
            if (c.labelKey().isEmpty()) {
                series(c, "");
            } else {
                knownLabels.getOrDefault(c, List.of()).forEach(label -> series(c, label));
            }
        }
    }

    @Override
    public void add(Counter counter, String label, long amount) {
        Series s = series(counter, label);
        s.total.add(amount);
        s.published.accept(amount);
    }

    @Override
    public void gauge(Gauge gauge, List<String> labels, LongSupplier value) {
        sink.gauge(gauge, List.copyOf(labels), value);
    }

    @Override
    public void removeGauge(Gauge gauge, List<String> labels) {
        sink.removeGauge(gauge, List.copyOf(labels));
    }

    /** What a counter's series for {@code label} (empty when unlabelled) has counted; 0 before its first event. */
    public long count(Counter counter, String label) {
        Series s = counters.get(counter).get(label);
        return s == null ? 0 : s.total.sum();
    }

    /** A counter's sum over all its labels. */
    public long total(Counter counter) {
        return counters.get(counter).values().stream().mapToLong(s -> s.total.sum()).sum();
    }

    private Series series(Counter counter, String label) {
        ConcurrentHashMap<String, Series> byLabel = counters.get(counter);
        Series s = byLabel.get(label);
        return s != null ? s : byLabel.computeIfAbsent(label,
                l -> new Series(new LongAdder(), sink.counter(counter, l)));
    }
}
