package io.socketee.it.context.app;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/**
 * A request-scoped bean the handlers read, to show which request context they run in: each
 * instance has its own id and counts how often it was read.
 *
 * <p>Not thread-safe, as request-scoped beans need not be: one request context is used by one
 * thread at a time.
 */
@RequestScoped
public class PacketState {
    private final String id = UUID.randomUUID().toString();
    private int reads;

    /** This instance's id. */
    public String id() {
        return id;
    }

    /** How often this instance has been read, this read included. */
    public int read() {
        return ++reads;
    }
}
