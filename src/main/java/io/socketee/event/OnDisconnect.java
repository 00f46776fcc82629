package io.socketee.event;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler told once a socket has left its namespace, with the {@link io.socketee.DisconnectReason}.
 * Cleanup that egg-socket.io puts after {@code await next()} belongs here. See {@link SocketEvent}.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
public @interface OnDisconnect {

    /** The instance of this qualifier. Immutable. */
    final class Literal extends AnnotationLiteral<OnDisconnect> implements OnDisconnect {
        /** The one instance. */
        public static final Literal INSTANCE = new Literal();
        private static final long serialVersionUID = 1L;

        private Literal() {
        }
    }
}
