package io.socketee.it.scale;

import io.socketee.it.protocol.support.SocketEeDeployments;
import io.socketee.it.support.ItServer;
import io.socketee.it.support.ScenarioRun;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * Ten thousand official socket.io-client 4 clients over WebSocket held by one server, in one
 * room, with a broadcast to the room every second for a minute ({@code src-it/node/scale-scenarios.js},
 * scenario "hold"): every client stays connected and gets every broadcast in order, the server's
 * threads stay under a bound that does not depend on the clients (400: the containers' own pools
 * plus SocketEE's), and its sockets and descriptors come back when the clients leave. The
 * reference's heartbeat (25 s, 20 s). No wall-clock assertion beyond generous deadlines: the
 * connect time, the latency percentiles and the server's threads, heap and resident memory go
 * to {@code target/failsafe-reports/scale.jsonl}.
 *
 * <p>{@code -Dsocketee.it.scale.clients} and {@code -Dsocketee.it.scale.seconds} change the load.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class TenThousandConnectionsIT {

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return SocketEeDeployments.withSettings("socketee-it-scale.war", Map.of(
                "socketio.pingInterval", "25000", "socketio.pingTimeout", "20000"));
    }

    @TestFactory
    Stream<DynamicTest> everyClientStaysAndGetsEveryBroadcastWhileThreadsStayBounded() {
        String reports = System.getProperty("socketee.it.screenshotDir", "target/failsafe-reports/screenshots");
        String report = Path.of(reports).resolveSibling("scale.jsonl").toString();
        return ScenarioRun.run(Duration.ofMinutes(15), List.of("hold"), "scale-scenarios.js",
                "--url", ItServer.base(base).toString(),
                "--clients", System.getProperty("socketee.it.scale.clients", "10000"),
                "--seconds", System.getProperty("socketee.it.scale.seconds", "60"),
                "--maxThreads", "400", "--report", report).tests("websocket");
    }
}
