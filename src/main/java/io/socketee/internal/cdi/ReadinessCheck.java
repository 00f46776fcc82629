package io.socketee.internal.cdi;

import jakarta.enterprise.context.ApplicationScoped;
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
 * <p>Registered by {@link SocketEeExtension} as a synthetic bean, and only where the server has
 * the MicroProfile Health API: this class is never loaded elsewhere. Thread-safe: stateless.
 */
final class ReadinessCheck implements HealthCheck {

    /** Adds the check to the deployment. */
    static void register(AfterBeanDiscovery abd) {
        abd.addBean().beanClass(ReadinessCheck.class).types(HealthCheck.class, Object.class)
                .qualifiers(org.eclipse.microprofile.health.Readiness.Literal.INSTANCE, Any.Literal.INSTANCE)
                .scope(ApplicationScoped.class)
                .createWith(cc -> new ReadinessCheck());
    }

    @Override
    public HealthCheckResponse call() {
        boolean up = CDI.current().select(SocketEeRuntime.class).get().clusterReachable();
        return HealthCheckResponse.named("socketee").status(up)
                .withData("cluster", up ? "reachable" : "Redis is away: broadcasts stay on this server").build();
    }
}
