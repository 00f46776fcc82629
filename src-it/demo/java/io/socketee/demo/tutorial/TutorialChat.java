package io.socketee.demo.tutorial;

import io.socketee.IoServer;
import io.socketee.event.OnEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The first example of the Socket.IO tutorial (seed 004): every {@code chat message} a client
 * sends goes to everyone, the sender included, with {@code io.emit}; the Node original is
 * {@code socket.on('chat message', (msg) => io.emit('chat message', msg))}. A message that is
 * not a string of 1 to {@value #MAX_MESSAGE} characters is dropped.
 *
 * <p>Stateless; thread-safe.
 */
@ApplicationScoped
public class TutorialChat {
    static final int MAX_MESSAGE = 500;

    @Inject
    IoServer io;

    /** Sends the message to every client of the main namespace. */
    void chatMessage(@Observes @OnEvent("chat message") String msg) {
        if (msg != null && !msg.isBlank() && msg.length() <= MAX_MESSAGE) {
            io.emit("chat message", msg);
        }
    }
}
