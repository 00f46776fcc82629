package io.socketee.internal.handler;

import io.socketee.Args;
import io.socketee.DisconnectReason;
import io.socketee.IoException;
import io.socketee.IoServer;
import io.socketee.Socket;
import io.socketee.event.SocketEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The handlers of an application, grouped by namespace and event once, and installed on the
 * server as connection listeners: dispatching a packet is a map lookup done when the socket
 * connects, then direct method calls. A handler's result answers the acknowledgement; a failure is
 * logged, answered with {@code {"error": message}} when an acknowledgement was asked, and told to
 * the namespace's {@code @OnError} handlers; the socket stays connected.
 *
 * <p>Immutable and thread-safe once built; handlers run on the client's listener thread.
 */
public final class Controllers {
    private static final Logger LOG = Logger.getLogger(Controllers.class.getName());
    /** What a client is told when a handler failed with something else than an IoException. */
    static final String INTERNAL_ERROR = "Internal server error";
    private static final Args NO_ARGS = new EmptyArgs();

    private final Map<NamespaceRef, List<HandlerMethod>> byNamespace;

    private Controllers(Map<NamespaceRef, List<HandlerMethod>> byNamespace) {
        this.byNamespace = byNamespace;
    }

    /** Groups {@code handlers} by namespace, each group in priority order (stable). */
    public static Controllers of(List<HandlerMethod> handlers) {
        Map<NamespaceRef, List<HandlerMethod>> map = new LinkedHashMap<>();
        handlers.stream().sorted(Comparator.comparingInt(HandlerMethod::priority))
                .forEach(h -> map.computeIfAbsent(h.namespace(), k -> new ArrayList<>()).add(h));
        map.replaceAll((k, v) -> List.copyOf(v));
        return new Controllers(Map.copyOf(map));
    }

    /** The namespaces that have handlers, named and dynamic. */
    public Set<NamespaceRef> namespaces() {
        return byNamespace.keySet();
    }

    /** Every handler, by namespace. */
    public Map<NamespaceRef, List<HandlerMethod>> handlers() {
        return byNamespace;
    }

    /**
     * Installs every handler on {@code io}, each bound to its instance on its first call: a named
     * namespace's as its connection listener, a dynamic namespace's as its parent's (so they serve
     * every child, each socket seeing its child's name).
     *
     * @param instances the instance a handler is called on (not asked for static handlers; asked
     *     once per handler)
     */
    public void install(IoServer io, Function<HandlerMethod, Object> instances) {
        byNamespace.forEach((nsp, list) -> {
            Bound bound = Bound.of(list, instances);
            nsp.on(io).onConnection(bound::attach);
        });
    }

    /**
     * One namespace's handlers with their instances, by kind and event, and the sockets whose
     * bad arguments were already logged (weakly held: a socket that is gone is forgotten).
     */
    private record Bound(Map<String, List<Call>> events, List<Call> connect, List<Call> disconnecting,
            List<Call> disconnect, List<Call> errors, Set<Socket> misbehaving) {

        static Bound of(List<HandlerMethod> list, Function<HandlerMethod, Object> instances) {
            Map<String, List<Call>> events = new LinkedHashMap<>();
            List<Call> connect = new ArrayList<>();
            List<Call> disconnecting = new ArrayList<>();
            List<Call> disconnect = new ArrayList<>();
            List<Call> errors = new ArrayList<>();
            for (HandlerMethod h : list) {
                Call c = new Call(h, h.isStatic() ? null : instances);
                switch (h.kind()) {
                    case EVENT -> events.computeIfAbsent(h.event(), k -> new ArrayList<>()).add(c);
                    case CONNECT -> connect.add(c);
                    case DISCONNECTING -> disconnecting.add(c);
                    case DISCONNECT -> disconnect.add(c);
                    case ERROR -> errors.add(c);
                }
            }
            events.replaceAll((k, v) -> List.copyOf(v));
            return new Bound(Map.copyOf(events), List.copyOf(connect), List.copyOf(disconnecting),
                    List.copyOf(disconnect), List.copyOf(errors),
                    java.util.Collections.synchronizedSet(java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>())));
        }

        void attach(Socket socket) {
            events.forEach((event, calls) -> socket.on(event, (s, args, ack) ->
                    run(calls, new SocketEvent(s, event, args, ack, Optional.empty(), Optional.empty()))));
            if (!disconnecting.isEmpty()) {
                socket.onDisconnecting((s, reason) -> run(disconnecting, lifecycle(s, "disconnecting", reason)));
            }
            if (!disconnect.isEmpty()) {
                socket.onDisconnect((s, reason) -> run(disconnect, lifecycle(s, "disconnect", reason)));
            }
            run(connect, lifecycle(socket, "connect", null));
        }

        private static SocketEvent lifecycle(Socket s, String name, DisconnectReason reason) {
            return new SocketEvent(s, name, NO_ARGS, Optional.empty(), Optional.ofNullable(reason), Optional.empty());
        }

        private void run(List<Call> calls, SocketEvent event) {
            for (Call c : calls) {
                try {
                    Object result = c.handler().invoke(c.instance(), event);
                    if (c.handler().returnsValue()) {
                        answer(c, event, result);
                    }
                } catch (Exception e) {
                    fail(c, event, e);
                }
            }
        }

        private void answer(Call c, SocketEvent event, Object result) {
            if (result instanceof CompletionStage<?> stage) {
                stage.whenComplete((value, failure) -> {
                    if (failure == null) {
                        event.reply(value);
                    } else {
                        fail(c, event, failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure);
                    }
                });
            } else {
                event.reply(result);
            }
        }

        private void fail(Call c, SocketEvent event, Throwable e) {
            if (e instanceof InvalidArgumentsException) {
                // the client's mistake: one line per connection, at a level left off by default
                if (misbehaving.add(event.socket())) {
                    LOG.fine(() -> "SOCKETEE-HANDLER-011 " + event.socket().id() + " sent \"" + event.name()
                            + "\" with arguments that do not fit " + c.handler().describe() + ": "
                            + e.getCause().getMessage() + " (further ones from this connection are not logged)");
                }
            } else {
                LOG.log(Level.WARNING, "SOCKETEE-HANDLER-010 handler " + c.handler().describe() + " of \""
                        + event.name() + "\" on " + event.socket().id() + " failed", e);
            }
            String message = e instanceof IoException ? String.valueOf(e.getMessage()) : INTERNAL_ERROR;
            event.ack().ifPresent(a -> a.send(Map.of("error", message)));
            if (c.handler().kind() != HandlerKind.ERROR && !errors.isEmpty()) {
                run(errors, new SocketEvent(event.socket(), event.name(), event.args(), Optional.empty(),
                        event.reason(), Optional.of(e)));
            }
        }
    }

    /**
     * A handler and the instance it is called on, obtained on first call (not at install: a bean
     * being created then may inject the server that is installing it), then kept. Thread-safe.
     */
    private static final class Call {
        private final HandlerMethod handler;
        private final Function<HandlerMethod, Object> instances; // null for a static handler
        private volatile Object instance;

        Call(HandlerMethod handler, Function<HandlerMethod, Object> instances) {
            this.handler = handler;
            this.instances = instances;
        }

        HandlerMethod handler() {
            return handler;
        }

        Object instance() {
            Object i = instance;
            if (i == null && instances != null) {
                i = instances.apply(handler);
                instance = i;
            }
            return i;
        }
    }

    /** The arguments of a lifecycle event: none. */
    private static final class EmptyArgs extends java.util.AbstractList<Object> implements Args {
        @Override
        public Object get(int index) {
            throw new IndexOutOfBoundsException("no argument " + index + ": a lifecycle event has none");
        }

        @Override
        public int size() {
            return 0;
        }

        @Override
        public <T> T get(int index, Class<T> type) {
            return null;
        }

        @Override
        public <T> T get(int index, java.lang.reflect.Type type) {
            return null;
        }
    }
}
