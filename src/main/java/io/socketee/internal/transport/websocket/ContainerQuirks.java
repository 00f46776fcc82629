package io.socketee.internal.transport.websocket;

import jakarta.websocket.Session;
import java.lang.reflect.Method;
import java.util.concurrent.Executor;

/**
 * What one container does differently with a WebSocket session, looked up at run time so that
 * SocketEE compiles against the Jakarta API alone.
 *
 * <p>Stateless and thread-safe.
 */
final class ContainerQuirks {
    private static final String UNDERTOW_SESSION = "io.undertow.websockets.jsr.UndertowSession";

    private ContainerQuirks() {
    }

    /**
     * The executor on which the container delivers this session's messages in order, when the
     * container reports a close elsewhere (WildFly's Undertow: {@code UndertowSession.getExecutor()});
     * null on other containers, which report the close in line with the messages.
     */
    static Executor messageExecutor(Session session) {
        return session.getClass().getName().equals(UNDERTOW_SESSION) ? publicExecutor(session) : null;
    }

    /** The result of a public, no-argument {@code getExecutor()} returning an Executor, or null. */
    static Executor publicExecutor(Object target) {
        try {
            Method m = target.getClass().getMethod("getExecutor");
            return Executor.class.isAssignableFrom(m.getReturnType()) ? (Executor) m.invoke(target) : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
