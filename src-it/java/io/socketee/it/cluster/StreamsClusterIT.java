package io.socketee.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socketee.it.support.ItDeployment;
import io.socketee.it.support.ItServer;
import io.socketee.it.support.NodeProcess;
import io.socketee.it.support.OfficialJavaClient;
import io.socketee.it.support.ScenarioRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A mixed cluster on the Redis Streams adapter, with connection state recovery on: two SocketEE
 * nodes (two WARs, {@code socketio.adapter=redis-streams}) and one Node.js socket.io 4.8 node with
 * {@code @socket.io/redis-streams-adapter} 0.3.1, on one real Redis. {@code cluster-scenarios.js}
 * starts each operation from each kind of node and recovers a dropped client on another node of
 * another kind; a Redis outage during a stream of broadcasts loses none of them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class StreamsClusterIT extends ClusterNodes {
    private static final long WAIT_SECONDS = OfficialJavaClient.WAIT_SECONDS;
    private static final List<String> SCENARIOS = List.of("broadcast-from-each-node", "room-and-except-across-nodes",
            "broadcast-acks-from-every-node", "fetch-sockets-sees-every-node", "sockets-join-and-leave-cluster-wide",
            "disconnect-sockets-cluster-wide", "server-side-emit-with-ack", "recover-on-another-node");

    @Deployment(name = "a", testable = false, order = 1)
    public static WebArchive nodeA() {
        return ItDeployment.clusterApp("socketee-streams-a.war", "A", redis().url(), "redis-streams", true);
    }

    @Deployment(name = "b", testable = false, order = 2)
    public static WebArchive nodeB() {
        return ItDeployment.clusterApp("socketee-streams-b.war", "B", redis().url(), "redis-streams", true);
    }

    @TestFactory
    Stream<DynamicTest> everyOperationAndRecoverySpanTheStreamsCluster() {
        ScenarioRun run;
        try (NodeProcess node = NodeProcess.startServer(Duration.ofSeconds(20), "cluster-node.js", "0", redis().url(), "N",
                "/socket.io/", "redis-streams")) {
            run = ScenarioRun.run(Duration.ofMinutes(4), SCENARIOS, "cluster-scenarios.js", "--a", ItServer.base(a).toString(),
                    "--b", ItServer.base(b).toString(), "--n", node.baseUrl().toString(), "--redis", redis().url(),
                    "--only", String.join(",", SCENARIOS), "--offsets", "true");
            node.assertRunning();
        }
        return run.tests("streams cluster");
    }

    /**
     * Redis is killed while node A broadcasts, stays away for 5 s and comes back empty: every
     * broadcast A made meanwhile waited in its outbox and reaches B's client afterwards, in order,
     * and so does everything after; A's own client gets them all too.
     */
    @Test
    void aRedisOutageDuringABroadcastStreamLosesNothing() throws Exception {
        try (OfficialJavaClient ca = OfficialJavaClient.connect(ItServer.base(a), "news");
                OfficialJavaClient cb = OfficialJavaClient.connect(ItServer.base(b), "news")) {
            BlockingQueue<String> atA = ca.events;
            BlockingQueue<String> atB = cb.events;
            broadcastNews(ca, "before");
            assertEquals("news:before", atB.poll(WAIT_SECONDS, TimeUnit.SECONDS), "the cluster works before the outage");
            assertEquals("news:before", atA.poll(WAIT_SECONDS, TimeUnit.SECONDS));

            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                sent.add("news:before-" + i);
                broadcastNews(ca, "before-" + i);
            }
            redis().kill();
            for (int i = 0; i < 10; i++) {
                sent.add("news:during-" + i);
                broadcastNews(ca, "during-" + i);
                TimeUnit.MILLISECONDS.sleep(500); // a stream of broadcasts across 5 s without Redis
            }
            redis().restart();
            for (int i = 0; i < 10; i++) {
                sent.add("news:after-" + i);
                broadcastNews(ca, "after-" + i);
            }
            assertEquals(sent, take(atB, sent.size()), "every broadcast reaches B, in order, none lost");
            assertEquals(sent, take(atA, sent.size()), "and A's own client");
            assertEquals(null, atB.poll(300, TimeUnit.MILLISECONDS), "and nothing twice");
        }
    }
}
