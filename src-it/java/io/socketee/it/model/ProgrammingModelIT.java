package io.socketee.it.model;

import io.socketee.it.support.ItDeployment;
import io.socketee.it.support.ItServer;
import java.net.URL;
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
 * namespaces, handlers as CDI observers, driven by socket.io-client 4 ({@code src-it/node/model-scenarios.js}) against
 * {@code io.socketee.it.model.app}, over WebSocket and over polling.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class ProgrammingModelIT {

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    public static WebArchive app() {
        return ItDeployment.app("socketee-model.war", "io.socketee.it.model.app", "it-model/microprofile-config.properties");
    }

    @TestFactory
    Stream<DynamicTest> overWebSocket() {
        return NodeScenarios.run("model-scenarios.js", "websocket", "--url", ItServer.base(base).toString(),
                "--transport", "websocket");
    }

    @TestFactory
    Stream<DynamicTest> overPolling() {
        return NodeScenarios.run("model-scenarios.js", "polling", "--url", ItServer.base(base).toString(),
                "--transport", "polling");
    }
}
