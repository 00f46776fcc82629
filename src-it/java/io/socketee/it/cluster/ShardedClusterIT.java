package io.socketee.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.it.support.ItDeployment;
import io.socketee.it.support.ItServer;
import io.socketee.it.support.OfficialJavaClient;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.json.JSONArray;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A mixed cluster on Redis 7 sharded Pub/Sub, on a real Redis Cluster of three masters and three
 * replicas ({@link RedisCluster}): two SocketEE nodes (two WARs, {@code socketio.adapter=redis-sharded},
 * Jedis' cluster client) and one Node.js socket.io 4.8 node with {@code createShardedAdapter} of
 * {@code @socket.io/redis-adapter} 8.3.0 (node-redis' cluster client), all in subscription mode
 * static ({@link ShardedDynamicClusterIT} runs the dynamic one). {@code cluster-scenarios.js}
 * starts each operation from each kind of node. Then the slot of the namespace's channel is moved
 * to another master (resharding), and then the master that serves it is killed (failover): after
 * each, broadcasts and requests between the SocketEE nodes go on.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class ShardedClusterIT extends ShardedNodes {
    /** The sharded channel of namespace "/": every broadcast and request goes through its slot. */
    private static final String NAMESPACE_CHANNEL = "socket.io#/#";
    private static final List<String> STATIC = List.of("socketio.redis.sharded.subscriptionMode=static");

    @Deployment(name = "a", testable = false, order = 1)
    public static WebArchive nodeA() {
        return ItDeployment.clusterApp("socketee-sharded-a.war", "A", cluster().url(), "redis-sharded", false, STATIC);
    }

    @Deployment(name = "b", testable = false, order = 2)
    public static WebArchive nodeB() {
        return ItDeployment.clusterApp("socketee-sharded-b.war", "B", cluster().url(), "redis-sharded", false, STATIC);
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> everyOperationSpansTheShardedCluster() {
        return scenarios("sharded cluster", "static");
    }

    /**
     * The slot of {@code socket.io#/#} is moved to another master while the servers run (a
     * resharding): Redis unsubscribes the channel on the old master, each SocketEE node subscribes
     * again on the new one, and broadcasts and requests between them go on.
     */
    @Test
    @Order(2)
    void broadcastsAndRequestsGoOnAfterTheirSlotMoved() throws Exception {
        try (OfficialJavaClient ca = OfficialJavaClient.connect(ItServer.base(a), "news");
                OfficialJavaClient cb = OfficialJavaClient.connect(ItServer.base(b), "news")) {
            assertTrue(arrives(ca, cb, null, "before-move"), "the cluster works before the move");
            int old = cluster().masterOf(NAMESPACE_CHANNEL);
            int now = cluster().moveSlot(NAMESPACE_CHANNEL);
            assertNotEquals(old, now);
            assertEquals(now, cluster().masterOf(NAMESPACE_CHANNEL));

            assertTrue(arrives(ca, cb, null, "moved-a"), "a broadcast from A reaches B's client after the move");
            assertTrue(arrives(cb, ca, null, "moved-b"), "and one from B reaches A's client");
            assertTrue(awaitSubscribers(2), "both SocketEE nodes are subscribed on the new master");
            Object answers = ca.call("server-side");
            assertEquals(List.of("B hears A"), answers instanceof JSONArray arr ? arr.toList() : answers,
                    "serverSideEmitWithAck after the move");
        }
    }

    /** Whether {@code socket.io#/#} gets {@code count} subscribers on the cluster within 20 s. */
    private static boolean awaitSubscribers(long count) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (cluster().shardNumSub(NAMESPACE_CHANNEL) == count) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /**
     * The master that serves {@code socket.io#/#} is killed (SIGKILL): once its replica is promoted,
     * each SocketEE node subscribes again on the new master, so a broadcast from either reaches the
     * other's client, and serverSideEmitWithAck gets the other's answer. Broadcasts made while the
     * slot has no master are lost, as with Node's adapter: the test repeats its broadcast until it
     * arrives and asserts only that it does.
     */
    @Test
    @Order(3)
    void broadcastsAndRequestsGoOnAfterAReplicaIsPromoted() throws Exception {
        try (OfficialJavaClient ca = OfficialJavaClient.connect(ItServer.base(a), "news");
                OfficialJavaClient cb = OfficialJavaClient.connect(ItServer.base(b), "news")) {
            broadcastNews(ca, "before");
            assertEquals("news:before", cb.next(), "the cluster works before the failover");
            assertEquals("news:before", ca.next());

            int dead = cluster().masterOf(NAMESPACE_CHANNEL);
            cluster().awaitReplicaInSync(dead);
            cluster().kill(dead);
            cluster().awaitFailover(NAMESPACE_CHANNEL, dead);
            assertNotEquals(dead, cluster().masterOf(NAMESPACE_CHANNEL), "a replica serves the slot now");

            assertTrue(arrives(ca, cb, null, "after-a"), "a broadcast from A reaches B's client after the failover");
            assertTrue(arrives(cb, ca, null, "after-b"), "and one from B reaches A's client");
            Object answers = ca.call("server-side");
            assertEquals(List.of("B hears A"), answers instanceof JSONArray arr ? arr.toList() : answers,
                    "serverSideEmitWithAck: B answers on A's response channel, through the new master");
        }
    }
}
