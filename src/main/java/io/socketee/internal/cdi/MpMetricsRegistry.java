package io.socketee.internal.cdi;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Holds the application's MicroProfile Metrics registry, injected into a field: the servers'
 * registry producers read the injection point's annotations (the registry's scope), which a
 * lookup through the {@code BeanManager} does not have. Not bean-defining: {@link SocketEeExtension}
 * adds it to the deployment only where the server has the API. Thread-safe once injected.
 */
class MpMetricsRegistry {

    @Inject
    Instance<MetricRegistry> registry;
}
