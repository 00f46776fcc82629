package io.socketee.internal.cdi;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The executor application handlers run on: the server's default {@code ManagedExecutorService}
 * when it has one (Jakarta Concurrency), else SocketEE's own workers; in both cases each task runs
 * with the application's context (class loader, JNDI, CDI) captured once at start through the
 * default {@code ContextService}, when there is one, because tasks are also submitted from threads
 * that carry no context (timers, other clients' threads). Looked up on an application thread.
 *
 * <p>Stateless helper; the executors it returns are thread-safe.
 */
final class AppExecutor {
    private static final Logger LOG = Logger.getLogger(AppExecutor.class.getName());
    static final String MANAGED_EXECUTOR = "java:comp/DefaultManagedExecutorService";
    static final String CONTEXT_SERVICE = "java:comp/DefaultContextService";

    private AppExecutor() {
    }

    /** The executor for application code, falling back on {@code workers}. */
    static Executor create(Executor workers) {
        Executor base = lookup(MANAGED_EXECUTOR).filter(ExecutorService.class::isInstance)
                .map(Executor.class::cast).orElse(workers);
        Optional<Executor> context = contextExecutor();
        LOG.info(() -> "SOCKETEE-BOOT-007 handlers run on " + (base == workers ? "SocketEE's workers" : MANAGED_EXECUTOR)
                + (context.isPresent() ? " with the application's context" : ""));
        if (context.isEmpty()) {
            return base;
        }
        Executor withContext = context.get();
        return task -> base.execute(() -> withContext.execute(task));
    }

    private static Optional<Executor> contextExecutor() {
        Optional<Object> service = lookup(CONTEXT_SERVICE);
        if (service.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(((jakarta.enterprise.concurrent.ContextService) service.get()).currentContextExecutor());
        } catch (LinkageError | RuntimeException e) {
            LOG.log(Level.FINE, "no usable ContextService", e);
            return Optional.empty();
        }
    }

    private static Optional<Object> lookup(String name) {
        try {
            return Optional.ofNullable(new InitialContext().lookup(name));
        } catch (NamingException | RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, name + " is not available", e);
            return Optional.empty();
        }
    }
}
