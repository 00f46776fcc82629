package io.socketee.internal.cdi;

import io.socketee.internal.metrics.Counter;
import io.socketee.internal.metrics.CountingRecorder;
import io.socketee.internal.metrics.MetricsRecorder;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Chooses where SocketEE's metrics go: MicroProfile Metrics where the server has its API and
 * registry bean (Open Liberty's mpMetrics-5.x, Payara Micro), else Micrometer where the server
 * has its API and a {@code MeterRegistry} bean (WildFly's micrometer subsystem), else nowhere
 * ({@link MetricsRecorder#NONE}). The API classes are looked up by name first, so the sink classes
 * that name them are never loaded on a server without them.
 *
 * @param api what the metrics are published through, for the start-up log
 * @param recorder what the layers report to
 * @param sink the binding, closed (its meters withdrawn) when the application stops
 *
 * <p>Immutable; thread-safe.
 */
record MetricsBinding(String api, MetricsRecorder recorder, Closeable sink) {
    private static final Logger LOG = Logger.getLogger(MetricsBinding.class.getName());

    /** A sink that can withdraw what it registered. */
    interface Closeable extends CountingRecorder.Sink {
        /** Withdraws every meter this sink registered; never throws. */
        void close();
    }

    /** No metrics API: nothing recorded. */
    static final MetricsBinding NONE = new MetricsBinding("none (no MicroProfile Metrics or Micrometer registry)",
            MetricsRecorder.NONE, new Closeable() {
                @Override
                public java.util.function.LongConsumer counter(Counter counter, String label) {
                    return n -> { };
                }

                @Override
                public void gauge(io.socketee.internal.metrics.Gauge gauge, List<String> labels,
                        java.util.function.LongSupplier value) {
                }

                @Override
                public void removeGauge(io.socketee.internal.metrics.Gauge gauge, List<String> labels) {
                }

                @Override
                public void close() {
                }
            });

    /** The label values published at 0 before their first event. */
    static final Map<Counter, List<String>> KNOWN_LABELS = Map.of(
            Counter.ENGINE_HANDSHAKES, List.of("polling", "websocket"),
            Counter.PACKETS_DROPPED, List.of("volatile", "slow_consumer"));

    /** The binding for this deployment. */
    static MetricsBinding choose(BeanManager beans) {
        try {
            if (present("org.eclipse.microprofile.metrics.MetricRegistry")) {
                var holder = beans.createInstance().select(MpMetricsRegistry.class);
                if (holder.isResolvable() && holder.get().registry.isResolvable()) {
                    return bind("MicroProfile Metrics", new MpMetricsSink(holder.get().registry.get()));
                }
            }
            if (present("io.micrometer.core.instrument.MeterRegistry")) {
                var registry = beans.createInstance().select(io.micrometer.core.instrument.MeterRegistry.class);
                if (registry.isResolvable()) {
                    io.micrometer.core.instrument.MeterRegistry r = registry.get();
                    return bind("Micrometer (" + r.getClass().getName() + ")", new MicrometerSink(r));
                }
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "SOCKETEE-BOOT-010 the server's metrics registry cannot be used; no metrics", e);
        }
        return NONE;
    }

    private static MetricsBinding bind(String api, Closeable sink) {
        return new MetricsBinding(api, new CountingRecorder(sink, KNOWN_LABELS), sink);
    }

    /** Withdraws the meters, if any. */
    void close() {
        sink.close();
    }

    static boolean present(String className) {
        try {
            Class.forName(className, false, MetricsBinding.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
