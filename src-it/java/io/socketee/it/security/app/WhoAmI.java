package io.socketee.it.security.app;

import io.socketee.Handshake;
import io.socketee.event.OnEvent;
import io.socketee.event.SocketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers "whoami" on the main namespace with the principal the container authenticated for the
 * connection and the role checks SecurityIT asks about.
 *
 * <p>Stateless; thread-safe.
 */
@ApplicationScoped
public class WhoAmI {

    Map<String, Object> whoami(@Observes @OnEvent("whoami") SocketEvent event) {
        Handshake handshake = event.socket().handshake();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("name", handshake.principal().map(Principal::getName).orElse(null));
        answer.put("chat", handshake.isUserInRole("chat"));
        answer.put("admin", handshake.isUserInRole("admin"));
        return answer;
    }
}
