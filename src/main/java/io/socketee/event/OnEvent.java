package io.socketee.event;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Objects;

/**
 * Marks a handler of one client event: {@code void chat(@Observes @OnEvent("chat") SocketEvent e)}.
 * The observed parameter and the others follow the rules of {@link SocketEvent}; a returned value
 * answers the client's acknowledgement.
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
public @interface OnEvent {

    /**
     * The event name, as the client emits it.
     * @return the event name, as the client emits it
     */
    String value();

    /**
     * An instance of this qualifier, where code needs the annotation as a value (to compare
     * qualifiers, in tests). Not for firing: a CDI event fired with it reaches no handler; clients
     * are sent to through {@link io.socketee.IoServer} and {@link io.socketee.Socket}. Immutable.
     */
    final class Literal extends AnnotationLiteral<OnEvent> implements OnEvent {
        private static final long serialVersionUID = 1L;
        /** The event name. */
        private final String value;

        private Literal(String value) {
            this.value = Objects.requireNonNull(value, "value");
        }

        /**
         * The qualifier for event {@code value}.
         * @param value the event name
         * @return the qualifier for event {@code value}
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
