package io.socketee.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.it.support.ItDeployment;
import io.socketee.it.support.ItServer;
import io.socketee.it.support.NodeProcess;
import io.socketee.it.support.OfficialJavaClient;
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
 * The mixed sharded cluster of {@link ShardedClusterIT} in subscription mode dynamic, the default
 * of both SocketEE and Node's {@code createShardedAdapter} (the Node.js node is given no option):
 * a broadcast to one public room goes on that room's own channel, which only the servers with
 * sockets in the room subscribe to, so every scenario with rooms checks that each kind of node
 * follows the rooms of its sockets as the other expects.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class ShardedDynamicClusterIT extends ShardedNodes {
    @Deployment(name = "a", testable = false, order = 1)
    public static WebArchive nodeA() {
        return ItDeployment.clusterApp("socketee-sharded-dyn-a.war", "A", cluster().url(), "redis-sharded", false);
    }

    @Deployment(name = "b", testable = false, order = 2)
    public static WebArchive nodeB() {
        return ItDeployment.clusterApp("socketee-sharded-dyn-b.war", "B", cluster().url(), "redis-sharded", false);
    }

    @TestFactory
    Stream<DynamicTest> everyOperationSpansTheDynamicShardedCluster() {
        return scenarios("dynamic sharded cluster");
    }

    /**
     * A room broadcast from the Node.js node (published on the room's own channel) reaches the
     * room's member on B, which subscribed to that channel when the room appeared there; so does
     * one from A; B alone is subscribed to it, on the real cluster. (SSUBSCRIBE of a new room's channel is not awaited by join, in Node as here: the
     * broadcast is repeated until it arrives.)
     */
    @Test
    void aRoomsChannelReachesTheServersWithSocketsInTheRoom() throws Exception {
        try (NodeProcess node = nodeMember();
                OfficialJavaClient cn = OfficialJavaClient.connect(node.baseUrl(), "news");
                OfficialJavaClient cb = OfficialJavaClient.connect(ItServer.base(b), "news")) {
            assertEquals("ok", cb.call("join", "dyn-room"));
            assertTrue(arrives(cn, cb, "dyn-room", "from-n"), "Node published on socket.io#/#dyn-room#, B subscribed to it");
            try (OfficialJavaClient ca = OfficialJavaClient.connect(ItServer.base(a), "news")) {
                assertTrue(arrives(ca, cb, "dyn-room", "from-a"), "and A published there too");
            }
            assertEquals(1, cluster().shardNumSub("socket.io#/#dyn-room#"),
                    "only B, the one server with a socket in the room, is subscribed to its channel");
            node.assertRunning();
        }
    }
}
