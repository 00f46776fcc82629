package io.socketee.demo.push;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which socket of {@value PushController#NAMESPACE} each user id is on now: set by
 * {@code requestId}, moved by {@code reconnect-and-update}, dropped when that socket leaves.
 * In memory, so one server only (a cluster would keep it in shared storage).
 *
 * <p>Thread-safe: a concurrent map, with conditional removal so that the late disconnect of an
 * old socket never drops the new one.
 */
@ApplicationScoped
public class UserDirectory {
    private final Map<String, String> socketByUser = new ConcurrentHashMap<>();

    /** Puts {@code userId} on {@code socketId}. */
    public void register(String userId, String socketId) {
        socketByUser.put(userId, socketId);
    }

    /** The socket id of {@code userId}, if it is registered. */
    public Optional<String> socketOf(String userId) {
        return userId == null ? Optional.empty() : Optional.ofNullable(socketByUser.get(userId));
    }

    /** Drops {@code userId} if it is still on {@code socketId}. */
    public void forget(String userId, String socketId) {
        socketByUser.remove(userId, socketId);
    }
}
