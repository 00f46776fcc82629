package io.socketee.demo.p2p;

import io.socketee.Socket;
import java.util.Optional;

/**
 * The room a socket was admitted to by {@link AuthMiddleware}, kept in its {@link Socket#data()}.
 * Stateless and thread-safe.
 */
final class Admission {
    private static final String KEY = "p2p.room";

    private Admission() {
    }

    static void record(Socket socket, String room) {
        socket.data().put(KEY, room);
    }

    static Optional<String> room(Socket socket) {
        return socket.data().get(KEY) instanceof String room ? Optional.of(room) : Optional.empty();
    }
}
