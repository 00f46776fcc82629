package io.socketee.demo;

import io.socketee.IoServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * The chat demo: every "chat message" a client sends is broadcast to every connected client,
 * the sender included. Stateless and thread-safe.
 */
@ApplicationScoped
public class ChatApp {
    private static final Logger LOG = Logger.getLogger(ChatApp.class.getName());

    @Inject
    IoServer io;

    /** Registers the chat when the application starts. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        io.onConnection(socket -> {
            LOG.info(() -> "a user connected: " + socket.id());
            socket.onDisconnect((s, reason) -> LOG.info(() -> "user disconnected: " + s.id() + " (" + reason + ")"));
            socket.on("chat message", (s, args, ack) -> {
                if (!args.isEmpty()) {
                    io.emit("chat message", args.get(0));
                }
            });
        });
    }
}
