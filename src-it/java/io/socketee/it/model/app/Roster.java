package io.socketee.it.model.app;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the controller saw of departures, injected into it as any bean would be. Thread-safe. */
@ApplicationScoped
public class Roster {
    private final List<String> departures = new CopyOnWriteArrayList<>();

    void left(String id, String reason) {
        departures.add(id + " " + reason);
    }

    List<String> departures() {
        return List.copyOf(departures);
    }
}
