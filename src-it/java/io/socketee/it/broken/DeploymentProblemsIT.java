package io.socketee.it.broken;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.it.support.ItDeployment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A WAR with bad handlers and bad configuration ({@code io.socketee.it.broken.app},
 * {@code it-broken/microprofile-config.properties}) does not deploy, and the one report names
 * every problem. Open Liberty only: the report is read from its log (Arquillian sees the failure as
 * an exception whose type depends on the container, hence {@code Exception}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class DeploymentProblemsIT {

    @Deployment(testable = false)
    @ShouldThrowException(Exception.class)
    public static WebArchive app() {
        return ItDeployment.app("socketee-broken.war", "io.socketee.it.broken.app", "it-broken/microprofile-config.properties");
    }

    @Test
    void theDeploymentFailsListingEveryProblem() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("socketee.liberty.wlpHome") != null,
                "the report is read from Open Liberty's log; other servers only check that the deployment fails");
        Path log = Path.of(System.getProperty("socketee.liberty.wlpHome"), "usr", "servers",
                System.getProperty("socketee.it.server"), "logs", "messages.log");
        String text = Files.readString(log, StandardCharsets.UTF_8);
        int start = text.lastIndexOf("SocketEE cannot start");
        assertTrue(start >= 0, "no SocketEE report in " + log);
        String report = text.substring(start);
        for (String expected : new String[] {
            "SOCKETEE-HANDLER-003 io.socketee.it.broken.app.BadController.hidden",
            "SOCKETEE-HANDLER-001 io.socketee.it.broken.app.BadController.wildcard parameter 2",
            "SOCKETEE-HANDLER-004 io.socketee.it.broken.app.BadController.reserved",
            "SOCKETEE-HANDLER-001 io.socketee.it.broken.app.BadController.lifecycle parameter 2",
            "SOCKETEE-HANDLER-007 io.socketee.it.broken.app.BadController.later: @ObservesAsync @OnEvent is never called",
            "SOCKETEE-HANDLER-008 io.socketee.it.broken.app.BadController.chatEvents: an Event qualified with @OnEvent",
            "SOCKETEE-CONFIG-001 socketio.pingInterval=soon",
            "SOCKETEE-CONFIG-002 socketio.namespace./.connectionMiddlware is not a SocketEE setting; did you mean"
                    + " socketio.namespace./.connectionMiddleware?",
            "SOCKETEE-CONFIG-002 socketio.trasnports is not a SocketEE setting; did you mean socketio.transports?",
            "SOCKETEE-MIDDLEWARE-001 namespace /: no connection middleware named \"nobody\"",
            "SOCKETEE-ROUTE-002 namespace / route \"chat\"",
            "SOCKETEE-ROUTE-001 namespace / route \"ping\" -> missing#ping",
            "SOCKETEE-ADAPTER-001 more than one io.socketee.adapter.AdapterFactory bean: "
                    + "[io.socketee.it.broken.app.TwoAdapterFactories$First, io.socketee.it.broken.app.TwoAdapterFactories$Second]"}) {
            assertTrue(report.contains(expected), "missing " + expected + " in\n" + report.substring(0, Math.min(4000, report.length())));
        }
    }
}
