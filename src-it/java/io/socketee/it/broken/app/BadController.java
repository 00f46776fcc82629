package io.socketee.it.broken.app;

import io.socketee.DisconnectReason;
import io.socketee.event.OnConnect;
import io.socketee.event.OnEvent;
import io.socketee.event.SocketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/** Handlers with every kind of mistake: the deployment must fail and name each. */
@ApplicationScoped
public class BadController {

    private void hidden(@Observes @OnEvent("hidden") SocketEvent e) {
    }

    void wildcard(@Observes @OnEvent("wild") SocketEvent e, List<?> values) {
    }

    void reserved(@Observes @OnEvent("disconnect") SocketEvent e) {
    }

    void lifecycle(@Observes @OnConnect SocketEvent e, DisconnectReason reason) {
    }

    void chat(@Observes @OnEvent("chat") SocketEvent e) {
    }
}
