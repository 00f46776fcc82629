package io.socketee.internal.cdi;

import io.socketee.DisconnectReason;
import io.socketee.middleware.ConnectionMiddleware;
import io.socketee.middleware.PacketContext;
import io.socketee.middleware.PacketMiddleware;
import io.socketee.internal.config.SocketIoConfig.NamespaceConfig;
import io.socketee.internal.sio.SioServer;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InterceptionFactory;
import jakarta.enterprise.inject.spi.InterceptionType;
import jakarta.enterprise.inject.spi.Interceptor;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Builds, per configured namespace (named or dynamic: a dynamic one's chains are its parent's,
 * and so run for every child), the chains of connection and packet middleware named in
 * configuration: one intercepted {@link Admission} or {@link Dispatch} per name (through
 * {@code InterceptionFactory}, with that name's binding), chained in the interceptors'
 * {@code @Priority} order, and installs them on the server. Also checks that every name has an
 * interceptor.
 *
 * <p>Used once at start; stateless.
 */
final class MiddlewareChains {
    private static final Logger LOG = Logger.getLogger(MiddlewareChains.class.getName());

    private MiddlewareChains() {
    }

    /** Every configured middleware name that no interceptor carries, as problems. */
    static List<String> problems(BeanManager beans, List<NamespaceConfig> namespaces) {
        List<String> problems = new ArrayList<>();
        for (NamespaceConfig ns : namespaces) {
            check(beans, ns, ns.connectionMiddleware(), ConnectionMiddleware.Literal::of, "connection", problems);
            check(beans, ns, ns.packetMiddleware(), PacketMiddleware.Literal::of, "packet", problems);
        }
        return problems;
    }

    private static void check(BeanManager beans, NamespaceConfig ns, List<String> names,
            Function<String, Annotation> binding, String kind, List<String> problems) {
        for (String name : names) {
            if (beans.resolveInterceptors(InterceptionType.AROUND_INVOKE, binding.apply(name)).isEmpty()) {
                problems.add("SOCKETEE-MIDDLEWARE-001 " + ns.describe() + ": no " + kind + " middleware named \""
                        + name + "\" (an enabled @Interceptor with @" + (kind.equals("packet") ? "Packet" : "Connection")
                        + "Middleware(\"" + name + "\"))");
            }
        }
    }

    /**
     * Installs the chains of every configured namespace on {@code sio}. The intercepted instances
     * are made on first use, not now: interceptors may inject beans (the {@code IoServer}) that are
     * being created while this runs.
     */
    static void install(BeanManager beans, SioServer sio, List<NamespaceConfig> namespaces) {
        for (NamespaceConfig ns : namespaces) {
            io.socketee.Namespace target = Routes.ref(ns).on(sio);
            if (!ns.connectionMiddleware().isEmpty()) {
                Lazy<Admission> admission = new Lazy<>(() -> admissionChain(beans, ns.connectionMiddleware()));
                target.use(socket -> admit(admission.get(), socket));
            }
            if (!ns.packetMiddleware().isEmpty()) {
                Lazy<Dispatch> dispatch = new Lazy<>(() -> dispatchChain(beans, ns.packetMiddleware()));
                sio.packetGate(target, (socket, event, args, ack, delivery) -> dispatch.get().dispatch(
                        new PacketContext(socket, event, args, ack), p -> delivery.deliver(p.event(), p.args())));
            }
        }
    }

    private static Admission admissionChain(BeanManager beans, List<String> names) {
        Admission chain = null;
        for (String name : reversed(beans, names, ConnectionMiddleware.Literal::of)) {
            chain = intercepted(beans, Admission.class, new Admission(chain), "admit", ConnectionMiddleware.Literal.of(name));
        }
        return chain;
    }

    private static Dispatch dispatchChain(BeanManager beans, List<String> names) {
        Dispatch chain = null;
        for (String name : reversed(beans, names, PacketMiddleware.Literal::of)) {
            chain = intercepted(beans, Dispatch.class, new Dispatch(chain), "dispatch", PacketMiddleware.Literal.of(name));
        }
        return chain;
    }

    /**
     * A value made once, on first use. Thread-safe: once made, it is read without a lock (every
     * connection and every packet goes through {@link #get()}, so a monitor there would be taken by
     * every client of a reconnection storm); only the making is serialised.
     */
    private static final class Lazy<T> {
        private final java.util.function.Supplier<T> maker;
        private volatile T value; // written once, under this

        Lazy(java.util.function.Supplier<T> maker) {
            this.maker = maker;
        }

        T get() {
            T made = value;
            if (made != null) {
                return made;
            }
            synchronized (this) {
                if (value == null) {
                    value = maker.get();
                }
                return value;
            }
        }
    }

    private static void admit(Admission admission, io.socketee.Socket socket) {
        CompletableFuture<DisconnectReason> left = new CompletableFuture<>();
        socket.onDisconnect((s, reason) -> left.complete(reason));
        CompletionStage<DisconnectReason> after = admission.admit(socket, left.minimalCompletionStage());
        if (after != null) {
            after.whenComplete((reason, failure) -> {
                if (failure != null) {
                    LOG.log(Level.WARNING, "SOCKETEE-MIDDLEWARE-002 connection middleware failed after "
                            + socket.id() + " left", failure);
                }
            });
        }
    }

    /** The names in reverse order of their interceptors' priority, so that building inside out gives priority order. */
    private static List<String> reversed(BeanManager beans, List<String> names, Function<String, Annotation> binding) {
        List<String> sorted = new ArrayList<>(names);
        java.util.Collections.reverse(sorted); // ties keep the configured order
        sorted.sort(Comparator.comparingInt((String n) -> priority(beans, binding.apply(n))).reversed());
        return sorted;
    }

    private static int priority(BeanManager beans, Annotation binding) {
        List<Interceptor<?>> found = beans.resolveInterceptors(InterceptionType.AROUND_INVOKE, binding);
        Priority p = found.isEmpty() ? null : found.get(0).getBeanClass().getAnnotation(Priority.class);
        return p == null ? jakarta.interceptor.Interceptor.Priority.APPLICATION : p.value();
    }

    private static <T> T intercepted(BeanManager beans, Class<T> type, T target, String method, Annotation binding) {
        InterceptionFactory<T> factory = beans.createInterceptionFactory(beans.createCreationalContext(null), type);
        factory.configure().filterMethods(m -> m.getJavaMember().getName().equals(method))
                .forEach(m -> m.add(binding));
        return factory.createInterceptedInstance(target);
    }
}
