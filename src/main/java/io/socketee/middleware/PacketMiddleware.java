package io.socketee.middleware;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Objects;

/**
 * Binds a CDI interceptor to the dispatch of every event packet of the namespaces whose
 * configuration names it ({@code socketio.namespace.<name>.packetMiddleware}), like
 * egg-socket.io's packet middleware. The intercepted call's parameter is the
 * {@link PacketContext} ({@link Middleware#packet}): read it, change it with
 * {@link Middleware#replace}, or drop it by not proceeding; throwing
 * {@link io.socketee.RejectedException} drops it and tells the client why (the acknowledgement, if
 * asked, is answered with {@code {"error": message, "data": data}}; otherwise an {@code "error"}
 * event carries {@code {"event", "message", "data"}}). Middleware run in {@code @Priority} order,
 * before the event's listeners and handlers.
 */
@InterceptorBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PacketMiddleware {

    /**
     * The name configuration uses to choose this middleware for a namespace.
     * @return the name configuration uses to choose this middleware for a namespace
     */
    String value();

    /** An instance of this binding, as SocketEE adds it to its intercepted calls. Immutable. */
    final class Literal extends AnnotationLiteral<PacketMiddleware> implements PacketMiddleware {
        private static final long serialVersionUID = 1L;
        /** The middleware's name. */
        private final String value;

        private Literal(String value) {
            this.value = Objects.requireNonNull(value, "value");
        }

        /**
         * The binding of the middleware named {@code value}.
         * @param value the middleware's name
         * @return the binding of the middleware named {@code value}
         */
        public static Literal of(String value) {
            return new Literal(value);
        }

        @Override
        public String value() {
            return value;
        }
    }
}
