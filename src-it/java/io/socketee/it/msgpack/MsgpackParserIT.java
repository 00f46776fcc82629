package io.socketee.it.msgpack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socketee.it.support.ItDeployment;
import io.socketee.it.support.ItServer;
import io.socketee.it.support.ScenarioRun;
import io.socketee.it.support.ServerLog;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code socketio.parser=msgpack}: the test application ({@code io.socketee.it.app}, the contract
 * of reference-server.js) with {@code it-msgpack/microprofile-config.properties}, driven by
 * socket.io-client with socket.io-msgpack-parser and by the served msgpack bundle in Chromium
 * ({@link MsgpackScenarios}; {@code ReferenceMsgpackParserIT} runs the same against the reference).
 * A client of the default parser is refused, and the server's log says why, once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class MsgpackParserIT {
    private static final Pattern WARNING = Pattern.compile("Socket\\.IO parser mismatch: closed connection \\S+, which"
            + " got a text message.*socketio\\.parser=msgpack");

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    public static WebArchive app() {
        return ItDeployment.app("socketee-msgpack.war", "io.socketee.it.app", "it-msgpack/microprofile-config.properties");
    }

    /** First, while the deployment has refused nobody yet: two refusals, one warning. */
    @Test
    @Order(1)
    void aClientOfTheDefaultParserIsRefusedAndTheLogSaysSoOnce() throws InterruptedException {
        Optional<ServerLog> log = ServerLog.ofThisServer();
        Optional<ServerLog.Mark> mark = log.map(ServerLog::mark);
        for (String mode : List.of("polling", "websocket")) {
            ScenarioRun run = ScenarioRun.run(Duration.ofMinutes(1), List.of(MsgpackScenarios.REFUSAL),
                    "msgpack-scenarios.js", "--url", ItServer.base(base).toString(), "--transport", mode,
                    "--only", MsgpackScenarios.REFUSAL);
            run.assertScenario(MsgpackScenarios.REFUSAL);
            run.assertComplete();
        }
        if (log.isEmpty()) {
            return; // Payara Micro: its console is not where the tests can read it
        }
        String written = "";
        for (int i = 0; i < 50 && !WARNING.matcher(written).find(); i++) {
            Thread.sleep(100);
            written = log.get().since(mark.get());
        }
        Matcher m = WARNING.matcher(written);
        int warnings = 0;
        while (m.find()) {
            warnings++;
        }
        String seen = written;
        assertEquals(1, warnings, () -> "the server log (" + log.get() + ") got:\n" + seen);
    }

    @TestFactory
    @Order(2)
    Stream<DynamicNode> socketIoClientWithTheMsgpackParser() {
        return MsgpackScenarios.clients(ItServer.base(base));
    }

    @TestFactory
    @Order(3)
    Stream<DynamicNode> theServedMsgpackBundleInChromium() {
        return MsgpackScenarios.browser(ItServer.base(base));
    }
}
