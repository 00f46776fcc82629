package io.socketee.demo.p2p;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rooms of this server, in memory, starting with those listed in {@code demo.p2p.rooms}.
 * Only right on a single server: a cluster needs a shared {@link RoomRegistry}.
 *
 * <p>Thread-safe: a concurrent set.
 */
@ApplicationScoped
public class InMemoryRoomRegistry implements RoomRegistry {
    private final Set<String> rooms = ConcurrentHashMap.newKeySet();

    @Inject
    @ConfigProperty(name = "demo.p2p.rooms", defaultValue = "demo")
    List<String> initialRooms;

    @PostConstruct
    void load() {
        initialRooms.stream().map(String::strip).filter(r -> !r.isEmpty()).forEach(rooms::add);
    }

    @Override
    public boolean exists(String room) {
        return room != null && rooms.contains(room);
    }

    @Override
    public boolean create(String room) {
        return rooms.add(room);
    }

    @Override
    public boolean delete(String room) {
        return rooms.remove(room);
    }

    @Override
    public Set<String> rooms() {
        return Set.copyOf(rooms);
    }
}
