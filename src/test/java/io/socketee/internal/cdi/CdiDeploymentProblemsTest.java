package io.socketee.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.DisconnectReason;
import io.socketee.Socket;
import io.socketee.event.OnConnect;
import io.socketee.event.OnDisconnect;
import io.socketee.event.OnEvent;
import io.socketee.event.SocketEvent;
import io.socketee.it.broken.app.TwoAdapterFactories;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A deployment with bad handlers and bad settings fails on Weld with one report that names every
 * problem, each with its stable id. (The adapter factories are those of the deployment that
 * {@code DeploymentProblemsIT} fails on the servers.)
 */
class CdiDeploymentProblemsTest {

    /** One mistake per handler. */
    public static class BadHandlers {
        private void hidden(@Observes @OnEvent("hidden") SocketEvent e) {
        }

        void wildcard(@Observes @OnEvent("wild") SocketEvent e, List<?> values) {
        }

        void reserved(@Observes @OnEvent("disconnect") SocketEvent e) {
        }

        void lifecycle(@Observes @OnConnect SocketEvent e, DisconnectReason reason) {
        }

        void twice(@Observes @OnConnect @OnDisconnect SocketEvent e) {
        }

        final void sealedShut(@Observes @OnEvent("final") SocketEvent e) {
        }

        void chat(@Observes @OnEvent("chat") SocketEvent e) {
        }
    }

    /** Methods that look like handlers, and a way to reach handlers, that would never be called. */
    public static class NeverCalled {
        @Inject
        @OnEvent("chat")
        Event<SocketEvent> chatEvents;

        @Inject
        NeverCalled(@OnConnect Event<Object> connects) {
        }

        void later(@ObservesAsync @OnEvent("later") SocketEvent e, Socket socket) {
        }

        void leftLater(@ObservesAsync @OnDisconnect SocketEvent e) {
        }

        void informed(@Observes @OnEvent("informed") SocketEvent e) {
        }
    }

    @Test
    void asyncObserversAndInjectedEventsWithTheQualifiersAreReportedAsNeverReachingAHandler() {
        String report = CdiFixture.deploymentFailure(Map.of(), NeverCalled.class);
        String type = NeverCalled.class.getName();
        assertReports(report,
            "SocketEE cannot start, 4 problem(s)",
            // its Socket parameter would be an unsatisfied injection point if CDI still saw an observer
            "SOCKETEE-HANDLER-007 " + type + ".later: @ObservesAsync @OnEvent is never called; write @Observes",
            "SOCKETEE-HANDLER-007 " + type + ".leftLater: @ObservesAsync @OnDisconnect is never called",
            "SOCKETEE-HANDLER-008 " + type + ".chatEvents: an Event qualified with @OnEvent reaches no handler",
            "SOCKETEE-HANDLER-008 " + type + ".<init> parameter 1: an Event qualified with @OnConnect reaches no");
    }

    @Test
    void everyBadHandlerAndSettingIsReportedInOneDeploymentProblem() {
        String report = CdiFixture.deploymentFailure(Map.of(
                "socketio.pingInterval", "soon",
                "socketio.namespaces", "/",
                "socketio.namespace./.connectionMiddleware", "nobody",
                "socketio.namespace./.packetMiddleware", "nothing",
                "socketio.namespace./.route.chat", "badHandlers#chat",
                "socketio.namespace./.route.ping", "missing#ping",
                "socketio.namespace./.route.pong", BadHandlers.class.getName() + "#pong"),
                BadHandlers.class, TwoAdapterFactories.First.class, TwoAdapterFactories.Second.class);
        String bad = BadHandlers.class.getName();
        assertReports(report,
            "SocketEE cannot start, 13 problem(s)",
            "SOCKETEE-HANDLER-003 " + bad + ".hidden: a handler may not be private",
            "SOCKETEE-HANDLER-001 " + bad + ".wildcard parameter 2",
            "SOCKETEE-HANDLER-004 " + bad + ".reserved: @OnEvent(\"disconnect\")",
            "SOCKETEE-HANDLER-001 " + bad + ".lifecycle parameter 2",
            "SOCKETEE-HANDLER-002 " + bad + ".twice: more than one SocketEE qualifier",
            "SOCKETEE-HANDLER-005 " + bad + ".sealedShut: a handler may not be final",
            "SOCKETEE-CONFIG-001 socketio.pingInterval=soon",
            "SOCKETEE-MIDDLEWARE-001 namespace /: no connection middleware named \"nobody\"",
            "SOCKETEE-MIDDLEWARE-001 namespace /: no packet middleware named \"nothing\"",
            "SOCKETEE-ROUTE-002 namespace / route \"chat\" -> badHandlers#chat: duplicate route",
            "SOCKETEE-ROUTE-001 namespace / route \"ping\" -> missing#ping: no bean",
            "SOCKETEE-ROUTE-003 namespace / route \"pong\" -> " + bad + "#pong: no method pong",
            "SOCKETEE-ADAPTER-001 more than one io.socketee.adapter.AdapterFactory bean: ["
                    + TwoAdapterFactories.First.class.getName() + ", " + TwoAdapterFactories.Second.class.getName() + "]");
    }

    private static void assertReports(String report, String... expected) {
        for (String e : expected) {
            assertTrue(report.contains(e), "missing " + e + " in\n" + report);
        }
    }
}
