package io.socketee.it.cluster;

import io.socketee.it.support.ItDeployment;
import io.socketee.it.support.ItServer;
import io.socketee.it.support.NginxServer;
import io.socketee.it.support.NodeProcess;
import io.socketee.it.support.RedisServer;
import io.socketee.it.support.ScenarioRun;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two members of a cluster behind nginx with the project's {@code server-config/nginx/socketee.conf}
 * (ip_hash, WebSocket upgrade headers): a SocketEE node and a Node.js node serving the same path.
 * A polling client connects through nginx, upgrades, and hears a broadcast from the node it is
 * not on; polling-only sessions keep working request after request.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class ClusterBehindNginxIT {
    private static final String WAR = "socketee-cluster-a";
    /** Every scenario of proxy-scenario.js, as it names them. */
    private static final List<String> SCENARIOS = List.of("polling-client-upgrades-through-nginx-and-hears-the-other-node",
            "polling-only-sessions-stay-on-their-server");

    @ArquillianResource
    private URL base;

    @org.junit.jupiter.api.AfterAll
    static void stopRedis() {
        RedisServer.stopShared();
    }

    @Deployment(testable = false)
    public static WebArchive nodeA() {
        return ItDeployment.clusterApp(WAR + ".war", "A", RedisServer.shared().url());
    }

    @Test
    void aPollingClientThroughNginxUpgradesAndHearsTheWholeCluster() {
        URI a = ItServer.base(base);
        int nginxPort = Integer.getInteger("socketee.it.nginx.port", 9086);
        try (NodeProcess node = NodeProcess.startServer(Duration.ofSeconds(20), "cluster-node.js", "0", RedisServer.shared().url(), "N",
                "/" + WAR + "/socket.io/");
                NginxServer nginx = NginxServer.start(nginxPort, List.of(a.getHost() + ":" + a.getPort(),
                        "127.0.0.1:" + node.port().orElseThrow()))) {
            ScenarioRun run = ScenarioRun.run(Duration.ofMinutes(2), SCENARIOS, "proxy-scenario.js",
                    "--proxy", nginx.origin() + "/" + WAR + "/", "--a", a.toString(),
                    "--n", "http://127.0.0.1:" + node.port().orElseThrow() + "/" + WAR + "/");
            SCENARIOS.forEach(run::assertScenario);
            run.assertComplete();
            node.assertRunning();
        }
    }
}
