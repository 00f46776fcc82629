package io.socketee.internal.cdi;

import io.socketee.engine.EngineIoEndpoint;
import io.socketee.internal.engine.EngineOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings an {@link EngineIoEndpoint} gives in its attributes, over the shared
 * {@code socketio.*} ones. Stateless.
 */
final class EndpointOptions {

    private EndpointOptions() {
    }

    /** The problems of an endpoint's attributes, each naming the class; empty when all are valid. */
    static List<String> problems(Class<?> type, EngineIoEndpoint endpoint) {
        List<String> problems = new ArrayList<>();
        check(type, "pingInterval", endpoint.pingInterval(), problems);
        check(type, "pingTimeout", endpoint.pingTimeout(), problems);
        check(type, "upgradeTimeout", endpoint.upgradeTimeout(), problems);
        check(type, "maxHttpBufferSize", endpoint.maxHttpBufferSize(), problems);
        for (String t : endpoint.transports()) {
            if (!t.equals("polling") && !t.equals("websocket")) {
                problems.add("SOCKETEE-BOOT-014 " + type.getName() + " @EngineIoEndpoint(transports) \"" + t
                        + "\" is not a transport (polling, websocket)");
            }
        }
        return problems;
    }

    private static void check(Class<?> type, String name, long value, List<String> problems) {
        if (value < 0) {
            problems.add("SOCKETEE-BOOT-014 " + type.getName() + " @EngineIoEndpoint(" + name + " = " + value
                    + "): must be positive, or 0 for the socketio.* setting");
        }
    }

    /** {@code shared} with what {@code endpoint} sets instead. */
    static EngineOptions apply(EngineIoEndpoint endpoint, EngineOptions shared) {
        EngineOptions o = shared.withPing(or(endpoint.pingInterval(), shared.pingInterval()),
                or(endpoint.pingTimeout(), shared.pingTimeout()));
        o = o.withUpgradeTimeout(or(endpoint.upgradeTimeout(), o.upgradeTimeout()));
        if (endpoint.maxHttpBufferSize() > 0) {
            o = o.withMaxHttpBufferSize(endpoint.maxHttpBufferSize());
        }
        if (endpoint.transports().length > 0) {
            o = o.withTransports(List.of(endpoint.transports()), o.allowUpgrades());
        }
        return o;
    }

    private static Duration or(long millis, Duration shared) {
        return millis > 0 ? Duration.ofMillis(millis) : shared;
    }
}
