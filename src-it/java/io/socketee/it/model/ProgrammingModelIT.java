package io.socketee.it.model;

import io.socketee.it.support.ItDeployment;
import io.socketee.it.support.ItServer;
import io.socketee.it.support.ScenarioRun;
import java.net.URL;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The programming model: broadcast operators (rooms, except, volatile, timeout, emitWithAck, fetchSockets,
 * socketsJoin/Leave, disconnectSockets, serverSideEmit), catch-all listeners and dynamic
 * namespaces (with handler beans, configured middleware and routes), handlers as CDI observers, driven by socket.io-client 4 ({@code src-it/node/model-scenarios.js}) against
 * {@code io.socketee.it.model.app}, over WebSocket and over polling.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class ProgrammingModelIT {
    /** Every scenario of model-scenarios.js, as it names them. */
    private static final List<String> SCENARIOS = List.of(
            "several rooms and except select once each",
            "emitWithAck collects every answer",
            "emitWithAck times out with the answers it got",
            "emitWithAck to nobody answers an empty list",
            "fetchSockets returns handles that act on the socket",
            "socketsJoin and socketsLeave move the selected sockets",
            "disconnectSockets disconnects the selection",
            "volatile events reach idle clients",
            "a socket's own volatile event is sent when its transport can take it (seed 003)",
            "serverSideEmitWithAck on one server answers an empty list",
            "catch-all listeners see incoming and outgoing events",
            "dynamic namespaces are created by pattern and reached through the parent",
            "a controller's typed handler answers the ack with its result",
            "a failing handler answers with an error and keeps the socket",
            "handlers run with the application's context",
            "disconnect handlers see the reason",
            "egg auth middleware refuses an unknown room with its message and data",
            "egg auth middleware joins the room and the roster hears joins and leaves",
            "egg exchange routes a message to its target",
            "egg packet middleware reads, changes, drops and refuses packets",
            "a route in configuration reaches a plain bean method",
            "an IdGenerator bean makes the connection ids",
            "handlers reach the HTTP session of the handshake",
            "a handler bean serves each child of a dynamic namespace under its own name",
            "configured connection middleware of a dynamic namespace refuses, admits and runs after the socket leaves",
            "configured packet middleware of a dynamic namespace runs on every packet",
            "a configured route of a dynamic namespace dispatches to a bean method");

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    public static WebArchive app() {
        return ItDeployment.app("socketee-model.war", "io.socketee.it.model.app", "it-model/microprofile-config.properties");
    }

    @TestFactory
    Stream<DynamicTest> overWebSocket() {
        return ScenarioRun.tests("model-scenarios.js", "websocket", SCENARIOS, "--url", ItServer.base(base).toString(),
                "--transport", "websocket");
    }

    @TestFactory
    Stream<DynamicTest> overPolling() {
        return ScenarioRun.tests("model-scenarios.js", "polling", SCENARIOS, "--url", ItServer.base(base).toString(),
                "--transport", "polling");
    }
}
