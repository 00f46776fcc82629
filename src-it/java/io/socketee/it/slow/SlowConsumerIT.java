package io.socketee.it.slow;

import io.socketee.it.protocol.support.SocketEeDeployments;
import io.socketee.it.support.ItServer;
import io.socketee.it.support.ScenarioRun;
import java.net.URL;
import java.util.Map;
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
 * A client that stops reading (socket.io-client in a process stopped with SIGSTOP) among healthy
 * ones in a room flooded with 10 KiB broadcasts (1,000/s over WebSocket, 350/s over polling)
 * ({@code src-it/node/slow-consumer-scenarios.js}, scenario "dropped"): it is dropped with
 * "transport error" within the write timeout (3 s here) and the time the kernel's buffers take to
 * fill, the healthy clients get every message in order and stay connected, the server's heap
 * grows by less than 64 MiB (over polling read again for up to 35 s after the flood while over
 * it, until Payara Micro's Grizzly has let go of the closed connections it keeps for its 30 s
 * keep-alive timeout), and its sockets
 * and file descriptors come back to where they were. The measurements go to
 * {@code target/failsafe-reports/slow-consumers.jsonl}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class SlowConsumerIT {

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        // the reference's heartbeat, so that only the output bounds can drop the stalled client
        return SocketEeDeployments.withSettings("socketee-it-slow.war", Map.of(
                "socketio.writeTimeout", "3000", "socketio.pingInterval", "25000", "socketio.pingTimeout", "20000"));
    }

    @TestFactory
    Stream<DynamicTest> aWebSocketClientThatStopsReadingIsDroppedAndTheOthersGetEverything() {
        return SlowConsumers.run(base, "websocket", "dropped");
    }

    @TestFactory
    Stream<DynamicTest> aPollingClientThatStopsPollingIsDroppedAndTheOthersGetEverything() {
        return SlowConsumers.run(base, "polling", "dropped");
    }

    /** Runs scenarios of slow-consumer-scenarios.js, appending their measurements to the report. */
    static final class SlowConsumers {
        private SlowConsumers() {
        }

        static Stream<DynamicTest> run(URL base, String transport, String only) {
            String reports = System.getProperty("socketee.it.screenshotDir", "target/failsafe-reports/screenshots");
            String report = java.nio.file.Path.of(reports).resolveSibling("slow-consumers.jsonl").toString();
            return ScenarioRun.tests("slow-consumer-scenarios.js", transport, java.util.List.of(only),
                    "--url", ItServer.base(base).toString(), "--transport", transport, "--only", only, "--report", report,
                    "--server", System.getProperty("arquillian.launch", "unknown"));
        }
    }
}
