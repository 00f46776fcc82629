package io.socketee.internal.cdi;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.socketee.internal.metrics.Counter;
import io.socketee.internal.metrics.Gauge;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * SocketEE's metrics in the server's Micrometer {@link MeterRegistry} (WildFly's micrometer
 * subsystem). Meters are made with the registry's own {@code counter(name, tags)} and
 * {@code gauge(name, tags, ...)}, not with the builders: WildFly's application registry adds its
 * deployment tag and forwards to the exported registry only in those (a builder's meter stays in
 * the application registry, which nothing exports), so the meters carry no description. Gauges
 * are held weakly by the registry; this sink keeps them. The registry outlives the application, so
 * every meter registered here is removed when it stops. Loaded only where the server has the API
 * (see {@link MetricsBinding}). Thread-safe.
 */
final class MicrometerSink implements MetricsBinding.Closeable {
    private static final Logger LOG = Logger.getLogger(MicrometerSink.class.getName());

    private final MeterRegistry registry;
    private final Set<Meter.Id> registered = ConcurrentHashMap.newKeySet();
    /** The gauges' value functions, held here because the registry holds them weakly. */
    private final java.util.Map<List<String>, LongSupplier> gauges = new ConcurrentHashMap<>();

    MicrometerSink(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public LongConsumer counter(Counter counter, String label) {
        Tags tags = counter.labelKey().isEmpty() ? Tags.empty() : Tags.of(counter.labelKey(), label);
        try {
            io.micrometer.core.instrument.Counter c = registry.counter(counter.metricName(), tags);
            registered.add(c.getId());
            return c::increment;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "SOCKETEE-BOOT-010 cannot register " + counter.metricName(), e);
            return n -> { };
        }
    }

    @Override
    public void gauge(Gauge gauge, List<String> labels, LongSupplier value) {
        removeGauge(gauge, labels);
        try {
            gauges.put(key(gauge, labels), value);
            registry.gauge(gauge.metricName(), tags(gauge, labels), value, v -> v.getAsLong());
            Meter m = registry.find(gauge.metricName()).tags(tags(gauge, labels)).gauge();
            if (m != null) {
                registered.add(m.getId());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "SOCKETEE-BOOT-010 cannot register " + gauge.metricName() + labels, e);
        }
    }

    @Override
    public void removeGauge(Gauge gauge, List<String> labels) {
        Meter m = registry.find(gauge.metricName()).tags(tags(gauge, labels)).gauge();
        if (m != null) {
            registered.remove(m.getId());
            registry.remove(m);
        }
        gauges.remove(key(gauge, labels));
    }

    private static List<String> key(Gauge gauge, List<String> labels) {
        List<String> key = new ArrayList<>(labels);
        key.add(0, gauge.metricName());
        return key;
    }

    @Override
    public void close() {
        for (Meter.Id id : new ArrayList<>(registered)) {
            try {
                registry.remove(id);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "cannot remove " + id, e);
            }
        }
        registered.clear();
        gauges.clear();
    }

    private static Tags tags(Gauge gauge, List<String> labels) {
        Tags tags = Tags.empty();
        for (int i = 0; i < labels.size(); i++) {
            tags = tags.and(gauge.labelKeys().get(i), labels.get(i));
        }
        return tags;
    }
}
