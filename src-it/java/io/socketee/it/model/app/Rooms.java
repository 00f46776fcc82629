package io.socketee.it.model.app;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** The rooms that exist (egg's example keeps them in Redis): only "demo". Immutable. */
@ApplicationScoped
public class Rooms {
    boolean exists(String room) {
        return Set.of("demo").contains(room);
    }
}
