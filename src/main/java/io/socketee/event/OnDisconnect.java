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
 *
 * <p>Only for a handler's {@code @Observes} parameter. SocketEE calls handlers itself, so a CDI
 * event fired with this qualifier ({@code Event.select(...).fire}, {@code BeanManager.getEvent()})
 * reaches no handler; {@code @ObservesAsync} with it, or an injected {@code Event} qualified with
 * it, fails the deployment ({@code SOCKETEE-HANDLER-007}, {@code -008}).
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
public @interface OnDisconnect {

    /**
     * The instance of this qualifier, where code needs the annotation as a value (to compare
     * qualifiers, in tests). Not for firing: a CDI event fired with it reaches no handler. Immutable.
     */
    final class Literal extends AnnotationLiteral<OnDisconnect> implements OnDisconnect {
        /** The one instance. */
        public static final Literal INSTANCE = new Literal();
        private static final long serialVersionUID = 1L;

        private Literal() {
        }
    }
}
