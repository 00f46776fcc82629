package io.socketee.internal.transport.websocket;

import io.socketee.internal.transport.ContainerMethods;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What one container does differently with a WebSocket session, looked up at run time so that
 * SocketEE compiles against the Jakarta API alone.
 *
 * <p>Stateless and thread-safe.
 */
final class ContainerQuirks {
    private static final Logger LOG = Logger.getLogger(ContainerQuirks.class.getName());
    private static final String UNDERTOW_SESSION = "io.undertow.websockets.jsr.UndertowSession";
    private static final String LIBERTY_SESSION = "com.ibm.ws.wsoc.external.SessionExt";

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

    /**
     * Ends the TCP connection of a session the container has closed but will never release: on
     * Open Liberty (26.0.0.3; its sessions extend {@code com.ibm.ws.wsoc.external.SessionExt}),
     * a close frame whose code is above 4999 makes the container's reader
     * throw ({@code CloseReason.CloseCodes.getCloseCode}: "Invalid code") and stop reading,
     * without telling the application. A later {@code Session.close} then sends its close frame
     * and waits for the answer with no read to receive it: the connection and its descriptor
     * stay for ever. Call after {@code Session.close} has returned; when the session's link is
     * closing and nothing reads (a read on its way, or the thread of one, would finish the
     * close), the link's device is closed as Liberty closes it itself. Does nothing on other
     * containers or in any other state.
     */
    static void endStuckConnection(Session session, CloseReason reason) {
        if (isA(session.getClass(), LIBERTY_SESSION)) {
            endStuckLibertyLink(session, reason);
        }
    }

    /**
     * Ends a session's connection at once, without a close handshake, when a close has not ended
     * it ({@link SessionCloser}): on Open Liberty, a link not yet {@code CLOSED} (a close frame
     * whose write waits, or a close waiting for the peer's answer) closes its TCP connection
     * ({@code closeUsingSession(reason, false, true)}), which also fails a write waiting on it;
     * other containers bound their closes themselves and are left alone.
     */
    static void abortConnection(Session session, CloseReason reason) {
        if (isA(session.getClass(), LIBERTY_SESSION) && abortLibertyLink(session, reason)) {
            LOG.fine(() -> "SOCKETEE-ENGINE-004 WebSocket " + session.getId() + ": a close did not end the connection"
                    + " (the peer reads or answers nothing): ended it");
        }
    }

    /**
     * Liberty's part of {@link #abortConnection}, on anything shaped like its {@code SessionExt}:
     * when the link is not {@code CLOSED}, first fails a write waiting on its TCP connection,
     * then closes the link's device. Returns whether it did.
     *
     * <p>The write first: Liberty's close writes its close frame synchronously
     * ({@code WsocConnLink.outgoingCloseConnection}), and that write was seen (FuzzIT, a peer
     * blocked in its own write of a large burst) waiting in the TCP channel's
     * {@code SimpleSync.simpleWait} for minutes, its own 5.5 s limit notwithstanding, with or
     * without the device close. The TCP channel's public way to end an outstanding request from
     * another thread is a write with {@code TCPRequestContext.ABORT_TIMEOUT}
     * ({@code link.tcpConnection.getWriteInterface().write(0, ABORT_TIMEOUT)}): it marks the
     * connection aborted and times the waiting write out at once, which frees the closing thread
     * with an IOException that Liberty's close catches.
     */
    static boolean abortLibertyLink(Object sessionExt, CloseReason reason) {
        try {
            Object link = libertyLink(sessionExt);
            Class<?> type = link.getClass();
            if ("CLOSED".equals(String.valueOf(type.getField("linkStatus").get(link)))) {
                return false;
            }
            failWaitingWrite(link);
            type.getMethod("closeUsingSession", CloseReason.class, boolean.class, boolean.class)
                    .invoke(link, reason, false, true);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "cannot end the container's WebSocket connection", e);
            return false;
        }
    }

    /** {@code link.tcpConnection.getWriteInterface().write(0, ABORT_TIMEOUT)}, when the link has them. */
    private static void failWaitingWrite(Object link) {
        try {
            Field tcp = declaredField(link.getClass(), "tcpConnection");
            tcp.setAccessible(true);
            Object connection = tcp.get(link);
            if (connection == null) {
                return;
            }
            Object writer = ContainerMethods.publicMethod(connection.getClass(), "getWriteInterface").invoke(connection);
            Method write = ContainerMethods.publicMethod(writer.getClass(), "write", long.class, int.class);
            int abort = write.getDeclaringClass().getField("ABORT_TIMEOUT").getInt(null);
            write.invoke(writer, 0L, abort);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "cannot fail the write waiting on the container's WebSocket connection", e);
        }
    }

    /** Liberty's {@code WsocConnLink} of a {@code SessionExt}: {@code getSessionImpl().connLink}. */
    private static Object libertyLink(Object sessionExt) throws ReflectiveOperationException {
        Object impl = sessionExt.getClass().getMethod("getSessionImpl").invoke(sessionExt);
        Field connLink = declaredField(impl.getClass(), "connLink");
        connLink.setAccessible(true);
        return connLink.get(impl);
    }

    /** The field named {@code name} declared by {@code type} or a superclass. */
    private static Field declaredField(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(name);
    }

    /** Whether {@code type} is the class named {@code name} or extends it (Liberty's sessions are subclasses). */
    private static boolean isA(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Liberty's part of {@link #endStuckConnection}, on anything shaped like its
     * {@code SessionExt}: {@code getSessionImpl().connLink}, whose public {@code linkSync},
     * {@code linkStatus} and {@code readLinkStatus} say the state, and whose public
     * {@code closeUsingSession(reason, false, true)} closes the device. Returns whether it did.
     */
    static boolean endStuckLibertyLink(Object sessionExt, CloseReason reason) {
        try {
            Object link = libertyLink(sessionExt);
            Class<?> type = link.getClass();
            synchronized (type.getField("linkSync").get(link)) {
                boolean stuck = "LOCAL_CLOSING".equals(String.valueOf(type.getField("linkStatus").get(link)))
                        && "OK_TO_READ".equals(String.valueOf(type.getField("readLinkStatus").get(link)));
                if (stuck) {
                    type.getMethod("closeUsingSession", CloseReason.class, boolean.class, boolean.class)
                            .invoke(link, reason, false, true);
                }
                return stuck;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "cannot inspect the container's WebSocket link", e);
            return false;
        }
    }
}
