package io.socketee.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.RejectedException;
import io.socketee.Socket;
import io.socketee.event.IoNamespace;
import io.socketee.event.OnConnect;
import io.socketee.event.OnEvent;
import io.socketee.middleware.ConnectionMiddleware;
import io.socketee.middleware.Middleware;
import io.socketee.middleware.PacketContext;
import io.socketee.middleware.PacketMiddleware;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Connection and packet middleware as CDI interceptors on Weld, chosen per namespace in
 * configuration: their order, rejections, changed and dropped packets, and the code after
 * {@code next} that runs once the socket has left.
 */
class CdiMiddlewareTest {
    private final CdiFixture cdi = CdiFixture.boot(Map.of(
            "socketio.namespaces", "/,/guarded,/filtered",
            // configured against their priority order: the priorities decide
            "socketio.namespace./.connectionMiddleware", "inner,outer",
            "socketio.namespace./guarded.connectionMiddleware", "auth",
            "socketio.namespace./filtered.packetMiddleware", "upper,audit"),
            Outer.class, Inner.class, Auth.class, Audit.class, Upper.class, Handlers.class, Filtered.class,
            Journal.class);
    private final Journal journal = cdi.bean(Journal.class);

    @AfterEach
    void stop() {
        cdi.close();
    }

    /** Connection middleware that notes the socket's arrival and, once it has left, its departure. */
    @ConnectionMiddleware("outer")
    @Interceptor
    @Priority(100)
    public static class Outer {
        @Inject
        Journal journal;

        @AroundInvoke
        Object admit(InvocationContext ctx) throws Exception {
            journal.add("outer in " + Middleware.socket(ctx).namespace().name());
            return Middleware.afterLeaving(ctx, reason -> journal.add("outer after " + reason.wireName()));
        }
    }

    /** As {@link Outer}, later in the chain. */
    @ConnectionMiddleware("inner")
    @Interceptor
    @Priority(200)
    public static class Inner {
        @Inject
        Journal journal;

        @AroundInvoke
        Object admit(InvocationContext ctx) throws Exception {
            journal.add("inner in");
            return Middleware.afterLeaving(ctx, reason -> journal.add("inner after " + reason.wireName()));
        }
    }

    /** Admits only sockets whose auth payload carries the token. */
    @ConnectionMiddleware("auth")
    @Interceptor
    @Priority(100)
    public static class Auth {
        @AroundInvoke
        Object admit(InvocationContext ctx) throws Exception {
            if (!"secret".equals(Middleware.socket(ctx).handshake().auth().get("token"))) {
                throw new RejectedException("unauthorized", Map.of("retry", false));
            }
            return ctx.proceed();
        }
    }

    /** Notes each packet as received; drops "dropped", refuses "forbidden". */
    @PacketMiddleware("audit")
    @Interceptor
    @Priority(100)
    public static class Audit {
        @Inject
        Journal journal;

        @AroundInvoke
        Object audit(InvocationContext ctx) throws Exception {
            PacketContext packet = Middleware.packet(ctx);
            journal.add("audit " + packet.event() + " " + packet.args());
            return switch (packet.event()) {
                case "dropped" -> null;
                case "forbidden" -> throw new RejectedException("forbidden");
                default -> ctx.proceed();
            };
        }
    }

    /** Upper-cases every string argument. */
    @PacketMiddleware("upper")
    @Interceptor
    @Priority(200)
    public static class Upper {
        @AroundInvoke
        Object upper(InvocationContext ctx) throws Exception {
            PacketContext packet = Middleware.packet(ctx);
            return Middleware.replace(ctx, packet.withArgs(packet.args().stream()
                    .map(a -> a instanceof String s ? s.toUpperCase(java.util.Locale.ROOT) : a).toArray()));
        }
    }

    /** The main namespace's handlers. */
    public static class Handlers {
        @Inject
        Journal journal;

        void joined(@Observes @OnConnect Socket socket) {
            journal.add("handler told of " + socket.namespace().name());
        }
    }

    /** The handlers behind the packet middleware. */
    @IoNamespace("/filtered")
    public static class Filtered {
        String echo(@Observes @OnEvent("echo") String text) {
            return text;
        }

        String dropped(@Observes @OnEvent("dropped") String text) {
            return "should have been dropped";
        }

        String forbidden(@Observes @OnEvent("forbidden") String text) {
            return "should have been refused";
        }
    }

    @Test
    void connectionMiddlewareRunInPriorityOrderBeforeTheHandlersAndTheirCodeAfterNextWhenTheSocketLeaves()
            throws Exception {
        WsClient client = cdi.client();
        assertTrue(client.connect("/").startsWith("0{\"sid\":"));
        assertEquals("outer in /", journal.next());
        assertEquals("inner in", journal.next());
        assertEquals("handler told of /", journal.next());
        client.send("1");
        assertEquals("inner after client namespace disconnect", journal.next());
        assertEquals("outer after client namespace disconnect", journal.next());
    }

    @Test
    void aConnectionMiddlewareThatThrowsRefusesTheSocketWithItsMessageAndData() {
        WsClient refused = cdi.client();
        assertEquals("4/guarded,{\"message\":\"unauthorized\",\"data\":{\"retry\":false}}", refused.connect("/guarded"));
        WsClient admitted = cdi.client();
        assertTrue(admitted.connect("/guarded", "{\"token\":\"secret\"}").startsWith("0/guarded,{\"sid\":"));
    }

    @Test
    void packetMiddlewareRunInPriorityOrderAndTheHandlerGetsThePacketAsChanged() throws Exception {
        WsClient client = cdi.connect("/filtered");
        client.send("2/filtered,1[\"echo\",\"hi\"]");
        assertEquals("3/filtered,1[\"HI\"]", client.next());
        assertEquals("audit echo [hi]", journal.next()); // audit, first by priority, saw it unchanged
    }

    @Test
    void aPacketAMiddlewareDropsReachesNoHandler() {
        WsClient client = cdi.connect("/filtered");
        // one client's packets are handled in order: an answer to 1 would come before the one to 2
        client.send("2/filtered,1[\"dropped\",\"x\"]");
        client.send("2/filtered,2[\"echo\",\"y\"]");
        assertEquals("3/filtered,2[\"Y\"]", client.next());
    }

    @Test
    void aPacketAMiddlewareRefusesIsAnsweredWithTheErrorInsteadOfReachingTheHandler() {
        WsClient client = cdi.connect("/filtered");
        client.send("2/filtered,1[\"forbidden\",\"x\"]");
        assertEquals("3/filtered,1[{\"error\":\"forbidden\"}]", client.next());
    }
}
