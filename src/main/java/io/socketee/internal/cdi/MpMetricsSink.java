package io.socketee.internal.cdi;

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
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * SocketEE's metrics in the application's MicroProfile Metrics registry (scope
 * {@code application}): counters as MP counters, gauges as MP gauges that read the live state.
 * Loaded only where the server has the API (see {@link MetricsBinding}). Thread-safe.
 */
final class MpMetricsSink implements MetricsBinding.Closeable {
    private static final Logger LOG = Logger.getLogger(MpMetricsSink.class.getName());

    private final MetricRegistry registry;
    private final Set<MetricID> registered = ConcurrentHashMap.newKeySet();

    MpMetricsSink(MetricRegistry registry) {
        this.registry = registry;
    }

    @Override
    public LongConsumer counter(Counter counter, String label) {
        Tag[] tags = counter.labelKey().isEmpty() ? new Tag[0] : new Tag[] {new Tag(counter.labelKey(), label)};
        try {
            org.eclipse.microprofile.metrics.Counter c = registry.counter(Metadata.builder()
                    .withName(counter.metricName()).withDescription(counter.description()).build(), tags);
            registered.add(new MetricID(counter.metricName(), tags));
            return c::inc;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "SOCKETEE-BOOT-010 cannot register " + counter.metricName(), e);
            return n -> { };
        }
    }

    @Override
    public void gauge(Gauge gauge, List<String> labels, LongSupplier value) {
        Tag[] tags = tags(gauge, labels);
        try {
            MetricID id = new MetricID(gauge.metricName(), tags);
            registry.remove(id);
            registry.gauge(Metadata.builder().withName(gauge.metricName()).withDescription(gauge.description())
                    .build(), value::getAsLong, tags);
            registered.add(id);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "SOCKETEE-BOOT-010 cannot register " + gauge.metricName() + labels, e);
        }
    }

    @Override
    public void removeGauge(Gauge gauge, List<String> labels) {
        MetricID id = new MetricID(gauge.metricName(), tags(gauge, labels));
        registered.remove(id);
        remove(id);
    }

    @Override
    public void close() {
        for (MetricID id : new ArrayList<>(registered)) {
            remove(id);
        }
        registered.clear();
    }

    private void remove(MetricID id) {
        try {
            registry.remove(id);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "cannot remove " + id, e);
        }
    }

    private static Tag[] tags(Gauge gauge, List<String> labels) {
        Tag[] tags = new Tag[labels.size()];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = new Tag(gauge.labelKeys().get(i), labels.get(i));
        }
        return tags;
    }
}
