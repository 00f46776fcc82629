package io.socketee.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.enterprise.inject.Produces;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The metrics binding in the CDI layer: with a Micrometer registry bean (as WildFly's micrometer
 * subsystem provides) SocketEE's counters and gauges land in it and leave it when the application
 * stops; without any registry SocketEE runs with no metrics.
 */
class CdiMetricsTest {

    /** The server's registry, as a bean: one per container (Micrometer's registries cannot be proxied). */
    static final class Registry {
        @Produces
        @jakarta.inject.Singleton
        MeterRegistry registry() {
            return new SimpleMeterRegistry();
        }
    }

    @Test
    void withAMicrometerRegistrySessionsAndSocketsAreCountedThereAndWithdrawnAtStop() {
        MeterRegistry registry;
        try (CdiFixture cdi = CdiFixture.boot(Map.of(), Registry.class)) {
            registry = cdi.bean(MeterRegistry.class);
            assertEquals("Micrometer (" + SimpleMeterRegistry.class.getName() + ")",
                    cdi.bean(SocketEeRuntime.class).metrics().api());
            cdi.connect("/");
            assertEquals(1.0, registry.get("socketio_engine_handshakes").tag("transport", "websocket").counter().count());
            assertEquals(1.0, registry.get("socketio_sockets_connected").tag("namespace", "/").gauge().value());
            assertEquals(1.0, registry.get("socketio_engine_connections").tags("transport", "websocket", "protocol", "4")
                    .gauge().value());
        }
        assertNull(registry.find("socketio_engine_handshakes").counter(), "counters withdrawn");
        assertNull(registry.find("socketio_sockets_connected").gauge(), "gauges withdrawn");
    }

    @Test
    void withoutARegistrySocketEeRunsAndRecordsNothing() {
        try (CdiFixture cdi = CdiFixture.boot(Map.of())) {
            String api = cdi.bean(SocketEeRuntime.class).metrics().api();
            assertTrue(api.startsWith("none"), api);
            cdi.connect("/");
        }
    }
}
