package io.socketee.internal.cdi;

import io.socketee.ConnectionRequest;
import io.socketee.IdGenerator;
import io.socketee.internal.engine.HandshakeRequest;
import io.socketee.internal.engine.SessionIds;
import io.socketee.internal.sio.ConnectionRequests;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Session ids from the application's {@link IdGenerator}: checked once at start on a sample
 * request, and each time after, warning once about ids that are not 20 URL-safe characters; a
 * generator that throws or returns nothing gets a random id instead. Thread-safe.
 */
final class GeneratedIds implements Function<HandshakeRequest, String> {
    private static final Logger LOG = Logger.getLogger(GeneratedIds.class.getName());
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{20}");

    private final IdGenerator generator;
    private final SessionIds fallback = new SessionIds();
    private final AtomicBoolean warned = new AtomicBoolean();

    GeneratedIds(IdGenerator generator) {
        this.generator = generator;
        ConnectionRequest sample = new ConnectionRequest("/socket.io/?EIO=4&transport=polling",
                Map.of("EIO", "4", "transport", "polling"), Map.of("host", List.of("localhost")), "127.0.0.1", false);
        try {
            check(generator.generateId(sample), "at start, on a sample request");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "SOCKETEE-BOOT-008 the IdGenerator " + generator.getClass().getName()
                    + " failed on a sample request", e);
        }
    }

    @Override
    public String apply(HandshakeRequest r) {
        try {
            String id = generator.generateId(ConnectionRequests.of(r));
            if (id != null && !id.isEmpty()) {
                check(id, "for a connection");
                return id;
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "SOCKETEE-ENGINE-002 the IdGenerator failed; using a random id", e);
        }
        return fallback.get();
    }

    private void check(String id, String when) {
        if ((id == null || !SHAPE.matcher(id).matches()) && warned.compareAndSet(false, true)) {
            LOG.warning("SOCKETEE-BOOT-008 the IdGenerator " + generator.getClass().getName() + " made the id \"" + id
                    + "\" " + when + ": ids should be 20 URL-safe characters ([A-Za-z0-9_-]), which other"
                    + " Socket.IO servers of a cluster expect");
        }
    }
}
