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
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
public @interface OnEvent {

    /** The event name, as the client emits it. */
    String value();

    /** An instance of this qualifier, for {@code Event.select} and tests. Immutable. */
    final class Literal extends AnnotationLiteral<OnEvent> implements OnEvent {
        private static final long serialVersionUID = 1L;
        private final String value;

        private Literal(String value) {
            this.value = Objects.requireNonNull(value, "value");
        }

        /** The qualifier for event {@code value}. */
        public static Literal of(String value) {
            return new Literal(value);
        }

        @Override
        public String value() {
            return value;
        }
    }
}
