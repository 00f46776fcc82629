package io.socketee.it.cluster;

import io.socketee.it.support.ItServer;
import io.socketee.it.support.NodeProcess;
import io.socketee.it.support.RedisCluster;
import io.socketee.it.support.ScenarioRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;

/**
 * Two SocketEE members on the sharded adapter (deployments {@code a} and {@code b}, declared by the
 * subclass with its subscription mode) on the shared test Redis Cluster, which is stopped after
 * the class, and the cluster scenarios with a Node.js member beside them.
 */
abstract class ShardedNodes extends ClusterNodes {
    static final List<String> SCENARIOS = List.of("broadcast-from-each-node", "room-and-except-across-nodes",
            "broadcast-acks-from-every-node", "fetch-sockets-sees-every-node", "sockets-join-and-leave-cluster-wide",
            "disconnect-sockets-cluster-wide", "server-side-emit-with-ack");

    /** The test Redis Cluster, started with the deployments (before the WARs connect to it) if none runs. */
    static RedisCluster cluster() {
        return RedisCluster.shared();
    }

    @AfterAll
    static void stopCluster() {
        RedisCluster.stopShared();
    }

    /** A Node.js member with {@code createShardedAdapter} ({@code mode}: its subscriptionMode; none: its default). */
    static NodeProcess nodeMember(String... mode) {
        List<String> args = new ArrayList<>(List.of("0", cluster().url(), "N", "/socket.io/", "redis-sharded"));
        args.addAll(List.of(mode));
        return NodeProcess.startServer(Duration.ofSeconds(20), "cluster-node.js", args.toArray(String[]::new));
    }

    /** {@link #SCENARIOS} across A, B and a Node.js member in subscription mode {@code mode} (none: Node's default). */
    Stream<DynamicTest> scenarios(String label, String... mode) {
        ScenarioRun run;
        try (NodeProcess node = nodeMember(mode)) {
            run = ScenarioRun.run(Duration.ofMinutes(4), SCENARIOS, "cluster-scenarios.js", "--a", ItServer.base(a).toString(),
                    "--b", ItServer.base(b).toString(), "--n", node.baseUrl().toString(), "--redis", cluster().url(),
                    "--only", String.join(",", SCENARIOS));
            node.assertRunning();
        }
        return run.tests(label);
    }
}
