package io.socketee.it.admin.app;

import io.socketee.IoServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The application the admin UI watches: every socket of "/" joins the room "lobby", so that the
 * UI has a room beside the socket's own to show. Application scoped; thread-safe (stateless).
 */
@ApplicationScoped
public class LobbyApp {

    @Inject
    IoServer io;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        io.onConnection(socket -> socket.join("lobby"));
    }
}
