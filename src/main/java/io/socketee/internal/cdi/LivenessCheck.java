package io.socketee.internal.cdi;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.CDI;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * SocketEE's MicroProfile Health liveness check, {@code socketee}: up while the engine's timer
 * and worker threads run (a beat the timer hands to the worker pool every second arrived within
 * the last {@link Pulse#STALE_AFTER_MILLIS} ms); down when either is stuck or dead, which no
 * client traffic would reveal until heartbeats and timeouts stop firing.
 *
 * <p>Registered by {@link SocketEeExtension} as a synthetic dependent bean, and only where the
 * server has the MicroProfile Health API: this class is never loaded elsewhere. Thread-safe.
 */
@org.eclipse.microprofile.health.Liveness // not bean-defining: marks the class for servers that look for checks
final class LivenessCheck implements HealthCheck {

    /** Adds the check to the deployment. */
    static void register(AfterBeanDiscovery abd) {
        abd.addBean().beanClass(LivenessCheck.class).types(HealthCheck.class, Object.class)
                .qualifiers(org.eclipse.microprofile.health.Liveness.Literal.INSTANCE, Any.Literal.INSTANCE)
                .scope(Dependent.class)
                .createWith(cc -> new LivenessCheck(CDI.current().select(SocketEeRuntime.class).get().pulse()));
    }

    private final Pulse pulse;

    private LivenessCheck(Pulse pulse) {
        this.pulse = pulse;
    }

    @Override
    public HealthCheckResponse call() {
        long age = pulse.millisSinceLastBeat();
        if (pulse.isStopped()) {
            return HealthCheckResponse.named("socketee").up().withData("threads", "application stopped").build();
        }
        boolean up = age <= Pulse.STALE_AFTER_MILLIS;
        return HealthCheckResponse.named("socketee").status(up)
                .withData("threads", up ? "timer and workers run" : "no beat from the timer through the workers for "
                        + age + " ms")
                .build();
    }
}
