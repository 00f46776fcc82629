package io.socketee.it.broken.app;

import io.socketee.DisconnectReason;
import io.socketee.event.OnConnect;
import io.socketee.event.OnEvent;
import io.socketee.event.SocketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.util.List;

/** Handlers with every kind of mistake: the deployment must fail and name each. */
@ApplicationScoped
public class BadController {

    /** Fires events no handler observes. */
    @Inject
    @OnEvent("chat")
    Event<SocketEvent> chatEvents;

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

    void later(@ObservesAsync @OnEvent("later") SocketEvent e) {
    }
}
