package io.socketee.internal.handler;

import io.socketee.Ack;
import io.socketee.Args;
import io.socketee.DisconnectReason;
import io.socketee.Handshake;
import io.socketee.Namespace;
import io.socketee.Socket;
import io.socketee.event.SocketEvent;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.Optional;

/**
 * How one handler parameter gets its value from a {@link SocketEvent}: one resolver per kind of
 * parameter, chosen once at deployment. Immutable and thread-safe.
 */
sealed interface HandlerArgument {

    /** The value of the parameter for {@code event}. */
    Object resolve(SocketEvent event);

    /** The whole event. */
    record WholeEvent() implements HandlerArgument {
        @Override
        public Object resolve(SocketEvent event) {
            return event;
        }
    }

    /** The socket, or a part of it. */
    record SocketPart(Class<?> type) implements HandlerArgument {
        @Override
        public Object resolve(SocketEvent event) {
            Socket s = event.socket();
            if (type == Socket.class) {
                return s;
            }
            if (type == Handshake.class) {
                return s.handshake();
            }
            if (type == Namespace.class) {
                return s.namespace();
            }
            if (type == Args.class) {
                return event.args();
            }
            return s.httpSession().orElse(null); // jakarta.servlet.http.HttpSession
        }
    }

    /** The acknowledgement: as an {@code Optional}, or itself / one sending nothing. */
    record AckArg(boolean optional) implements HandlerArgument {
        private static final Ack NONE = values -> { };

        @Override
        public Object resolve(SocketEvent event) {
            return optional ? event.ack() : event.ack().orElse(NONE);
        }
    }

    /** The disconnect reason. */
    record ReasonArg() implements HandlerArgument {
        @Override
        public Object resolve(SocketEvent event) {
            return event.reason().orElse(null);
        }
    }

    /** The failure told to an error handler, when it is of the parameter's type. */
    record ErrorArg(Class<?> type) implements HandlerArgument {
        @Override
        public Object resolve(SocketEvent event) {
            return event.error().filter(type::isInstance).orElse(null);
        }
    }

    /** One event argument, converted to the parameter's type. */
    record Payload(int index, Type type) implements HandlerArgument {
        @Override
        public Object resolve(SocketEvent event) {
            return event.args().get(index, type);
        }
    }

    /**
     * The resolver for a parameter of {@code type} in a handler of {@code kind}, or a problem.
     *
     * @param payloadIndex the event argument a payload parameter would take
     * @return the resolver, or empty with the reason in {@code problem[0]}
     */
    static Optional<HandlerArgument> of(Type type, HandlerKind kind, int payloadIndex, String[] problem) {
        Class<?> raw = raw(type);
        if (raw == SocketEvent.class) {
            return Optional.of(new WholeEvent());
        }
        if (raw == Socket.class || raw == Handshake.class || raw == Namespace.class || raw == Args.class
                || "jakarta.servlet.http.HttpSession".equals(raw == null ? null : raw.getName())) {
            return Optional.of(new SocketPart(raw));
        }
        if (raw == Ack.class) {
            return Optional.of(new AckArg(false));
        }
        if (raw == Optional.class && type instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] == Ack.class) {
            return Optional.of(new AckArg(true));
        }
        if (raw == DisconnectReason.class) {
            return only(kind == HandlerKind.DISCONNECT || kind == HandlerKind.DISCONNECTING, new ReasonArg(),
                    "a DisconnectReason is only given to @OnDisconnecting and @OnDisconnect handlers", problem);
        }
        if (raw != null && Throwable.class.isAssignableFrom(raw)) {
            return only(kind == HandlerKind.ERROR, new ErrorArg(raw),
                    "an exception is only given to @OnError handlers", problem);
        }
        if (kind != HandlerKind.EVENT) {
            problem[0] = "unsupported parameter type " + type.getTypeName() + " for a lifecycle handler";
            return Optional.empty();
        }
        if (raw == null || hasVariables(type)) {
            problem[0] = "unsupported parameter type " + type.getTypeName()
                    + " (type variables and wildcards cannot be mapped)";
            return Optional.empty();
        }
        return Optional.of(new Payload(payloadIndex, type));
    }

    private static Optional<HandlerArgument> only(boolean allowed, HandlerArgument arg, String why, String[] problem) {
        if (allowed) {
            return Optional.of(arg);
        }
        problem[0] = why;
        return Optional.empty();
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        if (type instanceof GenericArrayType g) {
            Class<?> component = raw(g.getGenericComponentType());
            return component == null ? null : component.arrayType();
        }
        return null;
    }

    private static boolean hasVariables(Type type) {
        if (type instanceof TypeVariable<?> || type instanceof WildcardType) {
            return true;
        }
        if (type instanceof ParameterizedType p) {
            return Arrays.stream(p.getActualTypeArguments()).anyMatch(HandlerArgument::hasVariables);
        }
        if (type instanceof GenericArrayType g) {
            return hasVariables(g.getGenericComponentType());
        }
        return false;
    }
}
