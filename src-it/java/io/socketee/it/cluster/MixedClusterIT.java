package io.socketee.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.socketee.it.support.ItServer;
import io.socketee.it.support.NodeProcess;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.json.JSONObject;
import org.junit.jupiter.api.DynamicTest;
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
        try (NodeProcess node = NodeProcess.startServer(Duration.ofSeconds(20), "cluster-node.js", "0", REDIS.url(), "N")) {
            run = NodeProcess.run(Duration.ofMinutes(3), "cluster-scenarios.js", "--a", ItServer.base(a).toString(),
                    "--b", ItServer.base(b).toString(), "--n", node.baseUrl().toString(), "--redis", REDIS.url());
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
}
