package io.socketee.internal.cdi;

import io.socketee.internal.transport.ContainerMethods;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ends a CDI request context that a container left active on one of its pooled threads, so that a
 * handler run there later gets a request context of its own instead of sharing a stale one with
 * whatever else runs on that thread. Seen on Open Liberty 26.0.0.3: handlers run on its
 * {@code DefaultManagedExecutorService}, whose threads also serve HTTP requests; once, an
 * {@code @OnConnect} observer found a request context already active on such a thread and read
 * the {@code @RequestScoped} instance another handler had used there before (the
 * {@code HandlerRequestContextIT} check "one instance throughout" saw 4 reads, not 2).
 *
 * <p>CDI has no portable way to end a context one did not activate; every server SocketEE runs on
 * uses Weld, whose contexts are {@code ManagedContext}s with a public {@code deactivate()} that
 * detaches the context from the current thread (a request's beans stay with the request, which
 * its container ends as usual). Anything else is left alone.
 *
 * <p>Thread-safe.
 */
final class LeftoverRequestContext {
    private static final Logger LOG = Logger.getLogger(LeftoverRequestContext.class.getName());

    private final Supplier<Optional<Object>> activeContext;
    private final AtomicBoolean reported = new AtomicBoolean();

    /** @param activeContext the request context active on the calling thread, if any */
    LeftoverRequestContext(Supplier<Optional<Object>> activeContext) {
        this.activeContext = activeContext;
    }

    /** Ends the request context active on the calling thread; returns whether one was ended. */
    boolean end() {
        Optional<Object> context = activeContext.get();
        if (context.isEmpty()) {
            return false;
        }
        try {
            ContainerMethods.publicMethod(context.get().getClass(), "deactivate").invoke(context.get());
        } catch (NoSuchMethodException e) {
            return false;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "cannot end the request context left on " + Thread.currentThread().getName(), e);
            return false;
        }
        if (reported.compareAndSet(false, true)) {
            LOG.info(() -> "SOCKETEE-CDI-020 thread " + Thread.currentThread().getName() + " carried a CDI request"
                    + " context that the container had left active (" + context.get().getClass().getName() + ");"
                    + " SocketEE ended it there so that each handler call gets a request context of its own"
                    + " (logged once; further ones are ended silently)");
        }
        return true;
    }
}
