package io.socketee.it.scale;

import io.socketee.it.protocol.support.SocketEeDeployments;
import io.socketee.it.support.ItServer;
import io.socketee.it.support.NodeProcess;
import io.socketee.it.support.ScenarioRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A restart storm: two thousand official socket.io-client 4 clients over WebSocket, with the
 * client's default reconnection, connected to SocketEE when its application is undeployed and
 * deployed again ({@code src-it/node/restart-storm.js}); every client must come back. The
 * application is restarted here, through Arquillian's {@link Deployer} (a kill and restart of the
 * application server does not fit inside an Arquillian run). On Open Liberty and WildFly its
 * {@code IoServer}, CDI beans and pools are new, the JVM and its JIT are not; Payara Micro's
 * adapter runs one Payara Micro per deployment, so there the whole server stops (gracefully)
 * and starts again, a cold JVM included. The kill-and-restart
 * of the whole server is the bench's ({@code io.socketee.bench.load.RestartStorm},
 * docs/performance.md). No wall-clock assertion beyond a generous deadline: the times from
 * "ready" to each client's return, split into backoff wait and the server's share, go to
 * {@code target/failsafe-reports/scale.jsonl}.
 *
 * <p>{@code -Dsocketee.it.restart.clients} changes the number of clients.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class RestartStormIT {
    private static final String STORM = "storm";
    private static final String STORM_WAR = "socketee-it-restart.war";

    @ArquillianResource
    private Deployer deployer;

    /** The application restarted under the clients; deployed and undeployed by the test. */
    @Deployment(name = STORM, managed = false, testable = false)
    public static WebArchive storm() {
        return SocketEeDeployments.withSettings(STORM_WAR, Map.of());
    }

    @Test
    void everyClientComesBackAfterTheApplicationRestarts() {
        String reports = System.getProperty("socketee.it.screenshotDir", "target/failsafe-reports/screenshots");
        String report = Path.of(reports).resolveSibling("scale.jsonl").toString();
        String url = ItServer.base(STORM_WAR.replace(".war", "")).toString();
        deployer.deploy(STORM);
        NodeProcess.Result result;
        boolean deployed = true;
        try (NodeProcess storm = NodeProcess.start("restart-storm.js", "--url", url,
                "--clients", System.getProperty("socketee.it.restart.clients", "2000"),
                "--backMs", "60000", "--report", report,
                "--label", System.getProperty("arquillian.launch", "server") + " redeploy")) {
            if (storm.awaitStderr("restart-storm: connected", Duration.ofMinutes(3))) {
                deployer.undeploy(STORM);
                deployed = false;
                deployer.deploy(STORM);
                deployed = true;
            }
            result = storm.awaitExit(Duration.ofMinutes(3));
        } finally {
            if (deployed) {
                deployer.undeploy(STORM);
            }
        }
        ScenarioRun run = ScenarioRun.of(result, List.of("restart"));
        run.assertScenario("restart");
        run.assertComplete();
    }
}
