package io.socketee.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.socketee.emitter.Emitter;
import io.socketee.it.support.ItServer;
import io.socketee.it.support.NodeProcess;
import io.socketee.it.support.OfficialJavaClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
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
        Map<String, JSONObject> results = new LinkedHashMap<>();
        NodeProcess.Result run;
        try (NodeProcess node = NodeProcess.startServer(Duration.ofSeconds(20), "cluster-node.js", "0", redis().url(), "N")) {
            run = NodeProcess.run(Duration.ofMinutes(3), "cluster-scenarios.js", "--a", ItServer.base(a).toString(),
                    "--b", ItServer.base(b).toString(), "--n", node.baseUrl().toString(), "--redis", redis().url());
        }
        for (String line : run.stdout()) {
            if (line.startsWith("{")) {
                JSONObject o = new JSONObject(line);
                results.put(o.getString("scenario"), o);
            }
        }
        NodeProcess.Result finished = run;
        return Stream.concat(SCENARIOS.stream().map(id -> dynamicTest(id, () -> {
            JSONObject r = results.get(id);
            if (r == null) {
                fail("no result for " + id + ": " + finished.summary());
            }
            if (!r.getBoolean("ok")) {
                fail(r.optString("error"));
            }
        })), Stream.of(dynamicTest("the scenario script ends cleanly", () -> {
            assertFalse(finished.timedOut(), finished::summary);
            assertEquals(0, finished.exitCode(), finished::summary);
            assertEquals(SCENARIOS, List.copyOf(results.keySet()), "every scenario reported once, in order");
        })));
    }

    /**
     * SocketEE's Java emitter, from this test JVM (no Socket.IO server here), reaches the clients
     * of both kinds of node: to a room, to everyone, and makes sockets leave and disconnect.
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

            emitter.in("jroom").disconnectSockets(true);
            assertEquals("io server disconnect", cb.disconnected.get(OfficialJavaClient.WAIT_SECONDS, TimeUnit.SECONDS));
            assertEquals("io server disconnect", cn.disconnected.get(OfficialJavaClient.WAIT_SECONDS, TimeUnit.SECONDS));
            assertTrue(ca.socket.connected(), "A's client was not in the room");
        }
    }
}
