package io.socketee.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.DisconnectReason;
import io.socketee.event.OnConnect;
import io.socketee.event.OnDisconnect;
import io.socketee.event.OnEvent;
import io.socketee.event.SocketEvent;
import io.socketee.it.broken.app.TwoAdapterFactories;
import jakarta.enterprise.event.Observes;
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
        for (String expected : new String[] {
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
                    + TwoAdapterFactories.First.class.getName() + ", " + TwoAdapterFactories.Second.class.getName() + "]"}) {
            assertTrue(report.contains(expected), "missing " + expected + " in\n" + report);
        }
    }
}
