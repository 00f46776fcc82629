package io.socketee.internal.handler;

import io.socketee.event.OnConnect;
import io.socketee.event.OnDisconnect;
import io.socketee.event.OnDisconnecting;
import io.socketee.event.OnError;
import io.socketee.event.OnEvent;
import java.lang.annotation.Annotation;
import java.util.Optional;

/** The kinds of handler, one per qualifier of {@code io.socketee.event}. Immutable. */
public enum HandlerKind {
    EVENT(OnEvent.class),
    CONNECT(OnConnect.class),
    DISCONNECTING(OnDisconnecting.class),
    DISCONNECT(OnDisconnect.class),
    ERROR(OnError.class);

    private final Class<? extends Annotation> qualifier;

    HandlerKind(Class<? extends Annotation> qualifier) {
        this.qualifier = qualifier;
    }

    /** The qualifier that marks this kind. */
    public Class<? extends Annotation> qualifier() {
        return qualifier;
    }

    /** The kind a qualifier marks, if it is one of ours. */
    public static Optional<HandlerKind> of(Annotation annotation) {
        for (HandlerKind k : values()) {
            if (k.qualifier.isInstance(annotation)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
