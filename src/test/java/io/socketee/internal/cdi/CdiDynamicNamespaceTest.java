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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Dynamic namespaces with the static ones' programming model, on Weld: handler beans by
 * {@code @IoNamespace(pattern)}, and connection middleware, packet middleware and routes from
 * {@code socketio.dynamicNamespace.<name>.*}, all serving every child, each socket under its child's name.
 */
class CdiDynamicNamespaceTest {
    static final String WORKSPACES = "^/workspace-\\w+$";
    private static final Map<String, String> CONFIG = Map.of(
            "socketio.dynamicNamespaces", "workspaces",
            "socketio.dynamicNamespace.workspaces.pattern", WORKSPACES,
            "socketio.dynamicNamespace.workspaces.connectionMiddleware", "guard",
            "socketio.dynamicNamespace.workspaces.packetMiddleware", "stamp",
            "socketio.dynamicNamespace.workspaces.route.ping", "pings#ping");
    private final CdiFixture cdi = CdiFixture.boot(CONFIG, Guard.class, Stamp.class, Workspaces.class, Pings.class,
            Projects.class, Journal.class);
    private final Journal journal = cdi.bean(Journal.class);

    @AfterEach
    void stop() {
        cdi.close();
    }

    /** Admits sockets whose auth carries the token; notes arrivals and, once gone, departures. */
    @ConnectionMiddleware("guard")
    @Interceptor
    @Priority(100)
    public static class Guard {
        @Inject
        Journal journal;

        @AroundInvoke
        Object admit(InvocationContext ctx) throws Exception {
            Socket socket = Middleware.socket(ctx);
            if (!"secret".equals(socket.handshake().auth().get("token"))) {
                throw new RejectedException("unauthorized", Map.of("namespace", socket.namespace().name()));
            }
            journal.add("guard in " + socket.namespace().name());
            return Middleware.afterLeaving(ctx, reason -> journal.add("guard after " + socket.namespace().name() + " "
                    + reason.wireName()));
        }
    }

    /** Notes every packet and appends the namespace to its arguments. */
    @PacketMiddleware("stamp")
    @Interceptor
    @Priority(100)
    public static class Stamp {
        @Inject
        Journal journal;

        @AroundInvoke
        Object stamp(InvocationContext ctx) throws Exception {
            PacketContext packet = Middleware.packet(ctx);
            journal.add("stamp " + packet.event() + " in " + packet.socket().namespace().name());
            java.util.List<Object> args = new java.util.ArrayList<>(packet.args());
            args.add("via " + packet.socket().namespace().name());
            return Middleware.replace(ctx, packet.withArgs(args.toArray()));
        }
    }

    /** The handlers of every workspace. */
    @IoNamespace(pattern = WORKSPACES)
    public static class Workspaces {
        @Inject
        Journal journal;

        void joined(@Observes @OnConnect Socket socket) {
            journal.add("joined " + socket.namespace().name());
        }

        String whoami(@Observes @OnEvent("whoami") Socket socket, String stamp) {
            return socket.namespace().name() + " " + stamp;
        }
    }

    /** A plain method routed to by configuration. */
    @Named("pings")
    @ApplicationScoped
    public static class Pings {
        String ping(String who, String stamp, Socket socket) {
            return "pong " + who + " from " + socket.namespace().name() + " " + stamp;
        }
    }

    /** Handlers of a dynamic namespace that configuration does not declare. */
    @IoNamespace(pattern = "^/project-\\d+$")
    public static class Projects {
        String whoami(@Observes @OnEvent("whoami") Socket socket) {
            return socket.namespace().name();
        }
    }

    @Test
    void aHandlerBeanServesEveryChildUnderItsOwnName() throws Exception {
        WsClient a = cdi.client();
        assertTrue(a.connect("/workspace-a", "{\"token\":\"secret\"}").startsWith("0/workspace-a,{\"sid\":"));
        WsClient b = cdi.client();
        assertTrue(b.connect("/workspace-b", "{\"token\":\"secret\"}").startsWith("0/workspace-b,{\"sid\":"));
        a.send("2/workspace-a,1[\"whoami\"]");
        assertEquals("3/workspace-a,1[\"/workspace-a via /workspace-a\"]", a.next());
        b.send("2/workspace-b,7[\"whoami\"]");
        assertEquals("3/workspace-b,7[\"/workspace-b via /workspace-b\"]", b.next());
        assertEquals("4/workspace,{\"message\":\"Invalid namespace\"}", cdi.client().connect("/workspace"));
    }

    @Test
    void configuredConnectionMiddlewareRefusesAdmitsAndRunsItsCodeAfterNextWhenTheSocketLeaves() throws Exception {
        assertEquals("4/workspace-a,{\"message\":\"unauthorized\",\"data\":{\"namespace\":\"/workspace-a\"}}",
                cdi.client().connect("/workspace-a"));
        WsClient client = cdi.client();
        assertTrue(client.connect("/workspace-a", "{\"token\":\"secret\"}").startsWith("0/workspace-a,{\"sid\":"));
        assertEquals("guard in /workspace-a", journal.next());
        assertEquals("joined /workspace-a", journal.next(), "the handlers after the middleware");
        client.send("1/workspace-a,");
        assertEquals("guard after /workspace-a client namespace disconnect", journal.next());
    }

    @Test
    void configuredPacketMiddlewareSeesEveryPacketAndAConfiguredRouteDispatches() throws Exception {
        WsClient client = cdi.client();
        client.connect("/workspace-x", "{\"token\":\"secret\"}");
        assertEquals("guard in /workspace-x", journal.next());
        assertEquals("joined /workspace-x", journal.next());
        client.send("2/workspace-x,1[\"ping\",\"ann\"]");
        assertEquals("3/workspace-x,1[\"pong ann from /workspace-x via /workspace-x\"]", client.next());
        client.send("2/workspace-x,[\"unheard\"]");
        client.send("2/workspace-x,2[\"whoami\"]");
        assertEquals("3/workspace-x,2[\"/workspace-x via /workspace-x\"]", client.next());
        assertEquals("stamp ping in /workspace-x", journal.next());
        assertEquals("stamp unheard in /workspace-x", journal.next(), "also an event nobody handles");
        assertEquals("stamp whoami in /workspace-x", journal.next());
    }

    @Test
    void aPatternOnlyOnAHandlerBeanMakesItsOwnDynamicNamespaceWithoutTheConfiguredMiddleware() {
        WsClient client = cdi.client();
        assertTrue(client.connect("/project-7").startsWith("0/project-7,{\"sid\":"), "no guard here");
        client.send("2/project-7,1[\"whoami\"]");
        assertEquals("3/project-7,1[\"/project-7\"]", client.next(), "no stamp either");
        assertEquals("4/project-x,{\"message\":\"Invalid namespace\"}", cdi.client().connect("/project-x"));
    }

    @Test
    void theApplicationReachesTheSameParentWithTheSamePattern() throws Exception {
        cdi.io().of(Pattern.compile(WORKSPACES)).onConnection(s -> journal.add("lambda told of " + s.namespace().name()));
        cdi.client().connect("/workspace-l", "{\"token\":\"secret\"}");
        assertEquals("guard in /workspace-l", journal.next());
        assertEquals("joined /workspace-l", journal.next());
        assertEquals("lambda told of /workspace-l", journal.next());
    }

    /** A handler that names both a namespace and a pattern. */
    @IoNamespace(value = "/one", pattern = "^/two$")
    public static class Both {
        void joined(@Observes @OnConnect Socket socket) {
        }
    }

    @Test
    void badDynamicNamespacesFailTheDeploymentWithEveryProblem() {
        String failure = CdiFixture.deploymentFailure(Map.of(
                "socketio.dynamicNamespaces", "workspaces",
                "socketio.dynamicNamespace.workspaces.pattern", WORKSPACES,
                "socketio.dynamicNamespace.workspaces.connectionMiddleware", "nobody",
                "socketio.dynamicNamespace.workspaces.route.whoami", "pings#ping"),
                Workspaces.class, Pings.class, Both.class, Journal.class);
        assertTrue(failure.contains("SOCKETEE-HANDLER-012 " + Both.class.getName() + ".joined: @IoNamespace has both"),
                failure);
        assertTrue(failure.contains("SOCKETEE-MIDDLEWARE-001 dynamic namespace workspaces (" + WORKSPACES
                + "): no connection middleware named \"nobody\""), failure);
        assertTrue(failure.contains("SOCKETEE-ROUTE-002 dynamic namespace workspaces (" + WORKSPACES
                + ") route \"whoami\" -> pings#ping: duplicate route, an @OnEvent(\"whoami\") handler of dynamic "
                + WORKSPACES + " handles it already"), failure);
    }
}
