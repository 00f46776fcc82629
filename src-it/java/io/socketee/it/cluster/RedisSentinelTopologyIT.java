package io.socketee.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.it.support.ItServer;
import io.socketee.it.support.OfficialJavaClient;
import io.socketee.it.support.RedisSentinel;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The classic and the Streams adapter on Redis Sentinel ({@link RedisSentinel}: a master, a
 * replica, three sentinels), {@code socketio.redis.topology=sentinel} with the three sentinels'
 * URLs: both pairs broadcast, to rooms, and answer serverSideEmitWithAck through the master the
 * sentinels name. Then the master is killed (SIGKILL) and the sentinels promote the replica: the
 * members find the new master by themselves, traffic goes on, and no broadcast of the Streams pair
 * is lost, the replica having had every entry. No Node.js member: node-redis 4 has no Sentinel
 * client.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class RedisSentinelTopologyIT extends TopologyNodes {
    private static final List<String> SENTINEL = List.of("socketio.redis.topology=sentinel",
            "socketio.redis.sentinel.master=" + RedisSentinel.MASTER);

    static RedisSentinel sentinels() {
        return RedisSentinel.shared();
    }

    @AfterAll
    static void stopSentinels() {
        RedisSentinel.stopShared();
    }

    @Deployment(name = "a", testable = false, order = 1)
    public static WebArchive nodeA() {
        return member("socketee-sentinel-classic-a.war", "A", sentinels().sentinelUrls(), "redis", SENTINEL);
    }

    @Deployment(name = "b", testable = false, order = 2)
    public static WebArchive nodeB() {
        return member("socketee-sentinel-classic-b.war", "B", sentinels().sentinelUrls(), "redis", SENTINEL);
    }

    @Deployment(name = "c", testable = false, order = 3)
    public static WebArchive nodeC() {
        return member("socketee-sentinel-streams-c.war", "A", sentinels().sentinelUrls(), "redis-streams", SENTINEL);
    }

    @Deployment(name = "d", testable = false, order = 4)
    public static WebArchive nodeD() {
        return member("socketee-sentinel-streams-d.war", "B", sentinels().sentinelUrls(), "redis-streams", SENTINEL);
    }

    @Test
    @Order(1)
    void classicAndStreamsTrafficGoThroughTheMasterTheSentinelsName() throws Exception {
        trafficSpans(a, b, "classic");
        trafficSpans(c, d, "streams");
    }

    /**
     * The master is killed while member C broadcasts, after the replica got every entry (WAIT);
     * once the sentinels promote it, the subscribers, the stream readers and the publishers
     * reconnect to it by themselves: D's client gets every Streams broadcast, in order, and the
     * classic pair's broadcasts (repeated until one arrives: those published while no master
     * answered are lost, as with Node's adapter) and serverSideEmitWithAck go on.
     */
    @Test
    @Order(2)
    void trafficGoesOnWhenTheSentinelsPromoteTheReplica() throws Exception {
        try (OfficialJavaClient ca = OfficialJavaClient.connect(ItServer.base(a), "news");
                OfficialJavaClient cb = OfficialJavaClient.connect(ItServer.base(b), "news");
                OfficialJavaClient cc = OfficialJavaClient.connect(ItServer.base(c), "news");
                OfficialJavaClient cd = OfficialJavaClient.connect(ItServer.base(d), "news")) {
            assertTrue(arrives(ca, cb, null, "before"), "the classic pair works before the failover");
            int master = sentinels().masterPort();
            List<String> sent = new ArrayList<>();
            long[] killed = new long[1];
            List<String> got = streamAcross(cc, cd, () -> sentinels().awaitReplicated(master), () -> {
                killed[0] = System.nanoTime();
                sentinels().kill(master);
            }, () -> sentinels().awaitFailover(master), sent);
            assertNotEquals(master, sentinels().masterPort(), "the sentinels name the replica now");
            assertEquals(sent, got, "every Streams broadcast reaches D's client, in order, none lost");
            assertAnswersAgain(cc, "streams after the failover", () -> sentinels().numSubOnMaster(STREAMS_KEY + "#/#"));
            assertTrue(arrivesAgain(ca, cb, "after-a", killed[0], "classic A to B (measured after the Streams check)"),
                    "a classic broadcast from A reaches B's client");
            assertTrue(arrives(cb, ca, null, "after-b"), "and one from B reaches A's client");
            assertAnswersAgain(ca, "classic after the failover", () -> sentinels().numSubOnMaster("socket.io-request#/#"));
        }
    }
}
