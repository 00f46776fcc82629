package io.socketee.internal.cdi;

import io.socketee.middleware.PacketContext;
import java.util.function.Consumer;

/**
 * The library call packet middleware intercept: dispatching one packet to its listeners. One
 * intercepted instance per middleware name, chained; the last hands the packet, as changed by the
 * middleware, to {@code deliver}.
 *
 * <p>Not a bean; proxied by {@code InterceptionFactory}. Immutable once built; thread-safe.
 */
public class Dispatch {
    private final Dispatch next;

    /** For the proxy. */
    public Dispatch() {
        this(null);
    }

    Dispatch(Dispatch next) {
        this.next = next;
    }

    /** Passes {@code packet} to the next middleware, else delivers it. */
    public Object dispatch(PacketContext packet, Consumer<PacketContext> deliver) {
        if (next != null) {
            return next.dispatch(packet, deliver);
        }
        deliver.accept(packet);
        return null;
    }
}
