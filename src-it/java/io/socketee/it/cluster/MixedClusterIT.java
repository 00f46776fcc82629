package io.socketee.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.emitter.Emitter;
import io.socketee.it.support.ItServer;
import io.socketee.it.support.NodeProcess;
import io.socketee.it.support.OfficialJavaClient;
import io.socketee.it.support.ScenarioRun;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A mixed cluster on one real Redis: two SocketEE nodes (two WARs, each its own SocketEE with
 * its own subscriber connection) and one Node.js socket.io 4.8 node with
 * {@code @socket.io/redis-adapter}; {@code src-it/node/cluster-scenarios.js} drives clients on
 * all three and {@code @socket.io/redis-emitter}. Each operation is started from each kind of node.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class MixedClusterIT extends TwoSocketEeNodes {

    private static final List<String> SCENARIOS = List.of("broadcast-from-each-node", "room-and-except-across-nodes",
            "broadcast-acks-from-every-node", "fetch-sockets-sees-every-node", "sockets-join-and-leave-cluster-wide",
            "disconnect-sockets-cluster-wide", "server-side-emit-with-ack", "all-rooms", "node-emitter-reaches-every-node");

    @TestFactory
    Stream<DynamicTest> everyOperationSpansTheMixedCluster() {
        ScenarioRun run;
        try (NodeProcess node = NodeProcess.startServer(Duration.ofSeconds(20), "cluster-node.js", "0", redis().url(), "N")) {
            run = ScenarioRun.run(Duration.ofMinutes(3), SCENARIOS, "cluster-scenarios.js", "--a", ItServer.base(a).toString(),
                    "--b", ItServer.base(b).toString(), "--n", node.baseUrl().toString(), "--redis", redis().url());
            node.assertRunning();
        }
        return run.tests("cluster");
    }

    /**
     * SocketEE's Java emitter, from this test JVM (no Socket.IO server here), reaches the clients
     * of both kinds of node: to a room, to everyone, and makes sockets join, leave and disconnect.
     */
    @Test
    void theJavaEmitterReachesClientsOnBothKindsOfNode() throws Exception {
        try (NodeProcess node = NodeProcess.startServer(Duration.ofSeconds(20), "cluster-node.js", "0", redis().url(), "N");
                OfficialJavaClient ca = OfficialJavaClient.connect(ItServer.base(a), "from-java", "java-all");
                OfficialJavaClient cb = OfficialJavaClient.connect(ItServer.base(b), "from-java", "java-all");
                OfficialJavaClient cn = OfficialJavaClient.connect(node.baseUrl(), "from-java", "java-all");
                Emitter emitter = Emitter.connect(redis().url())) {
            assertEquals("ok", cb.call("join", "jroom"));
            assertEquals("ok", cn.call("join", "jroom"));

            emitter.to("jroom").emit("from-java", 7);
            emitter.emit("java-all", "x");

            assertEquals("from-java:7", cb.next());
            assertEquals("from-java:7", cn.next());
            assertEquals("java-all:x", ca.next(), "A is not in the room: it gets only the broadcast to all");
            assertEquals("java-all:x", cb.next());
            assertEquals("java-all:x", cn.next());

            emitter.in("jroom").socketsJoin("jroom2");
            emitter.to("jroom2").emit("from-java", 8);
            assertEquals("from-java:8", cb.next(), "B's socket joined jroom2 through the emitter");
            assertEquals("from-java:8", cn.next(), "N's socket joined jroom2 through the emitter");
            emitter.in("jroom").socketsLeave("jroom2");
            emitter.to("jroom2").emit("from-java", 9);
            emitter.emit("java-all", "y");
            assertEquals("java-all:y", ca.next(), "A's socket was never in jroom2");
            assertEquals("java-all:y", cb.next(), "B's socket left jroom2 before from-java:9");
            assertEquals("java-all:y", cn.next(), "N's socket left jroom2 before from-java:9");

            emitter.in("jroom").disconnectSockets(true);
            assertEquals("io server disconnect", cb.disconnected.get(OfficialJavaClient.WAIT_SECONDS, TimeUnit.SECONDS));
            assertEquals("io server disconnect", cn.disconnected.get(OfficialJavaClient.WAIT_SECONDS, TimeUnit.SECONDS));
            assertTrue(ca.socket.connected(), "A's client was not in the room");
            node.assertRunning();
        }
    }

    /**
     * A cluster member that hangs (the Node.js node, stopped with SIGSTOP: its Redis connections
     * stay open and counted, but it answers nothing) makes the requests that wait for every node
     * fail after the requests timeout, while broadcasts between the live members go on; once it
     * runs again its late answers are dropped and it is a full member again.
     */
    @Test
    void aHungMemberMakesRequestsTimeOutAndTheRestOfTheClusterCarriesOn() throws Exception {
        try (NodeProcess node = NodeProcess.startServer(Duration.ofSeconds(20), "cluster-node.js", "0", redis().url(), "N");
                OfficialJavaClient ca = OfficialJavaClient.connect(ItServer.base(a), "news");
                OfficialJavaClient cb = OfficialJavaClient.connect(ItServer.base(b), "news")) {
            assertEquals(List.of("B hears A", "N hears A"), sorted(ca.call("server-side")), "all three members answer");

            node.suspend();
            try {
                Object serverSide = ca.call("server-side");
                assertTrue(serverSide instanceof JSONObject o && o.getString("error").contains("timed out"),
                        "serverSideEmitWithAck fails with a timeout when a member is silent: " + serverSide);
                Object fetched = ca.call("fetch", new JSONObject());
                assertTrue(fetched instanceof JSONObject o && o.getString("error").contains("timeout reached"),
                        "fetchSockets fails after the requests timeout when a member is silent: " + fetched);
                broadcastNews(ca, "during");
                assertEquals("news:during", cb.next(), "broadcasts between the live members go on");
            } finally {
                node.resume();
            }

            try (OfficialJavaClient cn = OfficialJavaClient.connect(node.baseUrl(), "news")) {
                broadcastNews(ca, "after");
                assertEquals("news:after", cb.next());
                assertEquals("news:after", cn.next(), "the resumed member hears A again");
                assertEquals(List.of("B hears A", "N hears A"), sorted(ca.call("server-side")),
                        "the late answers to the timed-out requests were dropped; new requests get every member");
                Object fetched = ca.call("fetch", new JSONObject());
                assertTrue(fetched instanceof JSONArray, "fetchSockets answers again: " + fetched);
                List<String> ids = new java.util.ArrayList<>();
                ((JSONArray) fetched).forEach(x -> ids.add(((JSONObject) x).getString("id")));
                for (OfficialJavaClient c : List.of(ca, cb, cn)) {
                    assertTrue(ids.contains(c.socket.id()), "fetchSockets sees " + c.socket.id() + " among " + ids);
                }
            }
            node.assertRunning();
        }
    }

    private static List<String> sorted(Object answers) {
        assertTrue(answers instanceof JSONArray, "a list of answers: " + answers);
        List<String> out = new java.util.ArrayList<>();
        ((JSONArray) answers).forEach(x -> out.add(String.valueOf(x)));
        java.util.Collections.sort(out);
        return out;
    }
}
