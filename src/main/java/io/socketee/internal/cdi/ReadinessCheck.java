package io.socketee.internal.cdi;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.CDI;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * SocketEE's MicroProfile Health readiness check, {@code socketee}: up while the server reaches
 * its cluster (always with the in-memory adapter; with the Redis adapter while its subscriber is
 * connected), down while Redis is away, so a load balancer can route clients elsewhere meanwhile.
 *
 * <p>Registered by {@link SocketEeExtension} as a synthetic dependent bean, and only where the
 * server has the MicroProfile Health API: this class is never loaded elsewhere. It holds the
 * application's {@link ClusterStatus} itself, not a proxy. Thread-safe: reads volatile state.
 */
@org.eclipse.microprofile.health.Readiness // not bean-defining: marks the class for servers that look for checks
final class ReadinessCheck implements HealthCheck {

    /** Adds the check to the deployment. */
    static void register(AfterBeanDiscovery abd) {
        abd.addBean().beanClass(ReadinessCheck.class).types(HealthCheck.class, Object.class)
                .qualifiers(org.eclipse.microprofile.health.Readiness.Literal.INSTANCE, Any.Literal.INSTANCE)
                .scope(Dependent.class)
                .createWith(cc -> new ReadinessCheck(CDI.current().select(SocketEeRuntime.class).get().clusterStatus()));
    }

    private final ClusterStatus status;

    private ReadinessCheck(ClusterStatus status) {
        this.status = status;
    }

    @Override
    public HealthCheckResponse call() {
        if (status.isStopped()) {
            // a check kept by the server after its application stopped must not hold readiness down
            return HealthCheckResponse.named("socketee").up().withData("cluster", "application stopped").build();
        }
        boolean up = status.reachable();
        return HealthCheckResponse.named("socketee").status(up)
                .withData("cluster", up ? "reachable" : "Redis is away: broadcasts stay on this server").build();
    }
}
