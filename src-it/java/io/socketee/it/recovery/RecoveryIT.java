package io.socketee.it.recovery;

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
 * Connection state recovery with socket.io-client 4 ({@code src-it/node/recovery-scenarios.js})
 * against {@code io.socketee.it.recovery.app}, over WebSocket and polling.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class RecoveryIT {
    /** Every scenario of recovery-scenarios.js, as it names them. */
    private static final List<String> SCENARIOS = List.of(
            "a client that drops recovers its id, rooms, data and missed events",
            "a client that leaves on purpose starts afresh");

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    public static WebArchive app() {
        return ItDeployment.app("socketee-recovery.war", "io.socketee.it.recovery.app",
                "it-recovery/microprofile-config.properties");
    }

    @TestFactory
    Stream<DynamicTest> overWebSocket() {
        return ScenarioRun.tests("recovery-scenarios.js", "websocket", SCENARIOS, "--url",
                ItServer.base(base).toString(), "--transport", "websocket");
    }

    @TestFactory
    Stream<DynamicTest> overPolling() {
        return ScenarioRun.tests("recovery-scenarios.js", "polling", SCENARIOS, "--url",
                ItServer.base(base).toString(), "--transport", "polling");
    }
}
