package io.socketee.demo.p2p;

import java.util.List;

/**
 * The {@code online} roster a room hears when someone joins or leaves, as the seed sends it.
 * Immutable.
 *
 * @param clients the socket ids in the room now
 * @param action {@code "join"} or {@code "leave"}
 * @param target always {@code "participator"}
 * @param message e.g. {@code "User(<id>) joined."}
 */
public record Online(List<String> clients, String action, String target, String message) {
    public Online {
        clients = List.copyOf(clients);
    }
}
