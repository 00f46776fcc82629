package io.socketee.it.hooks.app;

import io.socketee.event.OnEvent;
import io.socketee.event.SocketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers "whoami" with the {@code X-Trace} header of the polling request that carried the event
 * ("none" when it came over WebSocket). Stateless and thread-safe.
 */
@ApplicationScoped
public class WhoAmI {

    String whoami(@Observes @OnEvent("whoami") SocketEvent e) {
        return e.socket().currentRequest()
                .map(r -> r.headers().getOrDefault("x-trace", java.util.List.of("absent")).get(0)).orElse("none");
    }
}
