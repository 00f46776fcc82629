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
 * Binds a CDI interceptor to the admission of sockets into the namespaces whose configuration
 * names it ({@code socketio.namespace.<name>.connectionMiddleware}), like egg-socket.io's
 * connection middleware. The intercepted call's only parameter is the {@link io.socketee.Socket}
 * being admitted ({@link Middleware#socket}); throwing {@link io.socketee.RejectedException}
 * refuses it with a CONNECT_ERROR carrying the message and data. {@code proceed()} returns a
 * {@code CompletionStage<DisconnectReason>} that completes when the admitted socket leaves: code
 * chained on it is egg's code after {@code await next()}, run without holding a thread.
 *
 * <pre>
 * &#64;ConnectionMiddleware("auth") &#64;Interceptor &#64;Priority(Interceptor.Priority.APPLICATION)
 * public class Auth {
 *     &#64;AroundInvoke Object admit(InvocationContext ctx) throws Exception {
 *         Socket socket = Middleware.socket(ctx);
 *         if (socket.handshake().auth().get("token") == null) throw new RejectedException("unauthorized");
 *         return Middleware.afterLeaving(ctx, reason -&gt; log.info(socket.id() + " left: " + reason));
 *     }
 * }
 * </pre>
 * Middleware run in {@code @Priority} order; the first rejection stops the chain.
 */
@InterceptorBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ConnectionMiddleware {

    /**
     * The name configuration uses to choose this middleware for a namespace.
     * @return the name configuration uses to choose this middleware for a namespace
     */
    String value();

    /** An instance of this binding, as SocketEE adds it to its intercepted calls. Immutable. */
    final class Literal extends AnnotationLiteral<ConnectionMiddleware> implements ConnectionMiddleware {
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
