package io.socketee.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The server nodes of one cluster benchmark run, all of one kind and one adapter, each pinned to
 * the servers' core: SocketEE on Open Liberty (one copy of the benchmark's Liberty server per
 * node, {@code perfbench-c<i>}, the same WAR with {@code socketio.adapter} and
 * {@code socketio.redis.url} from its environment) or the Node.js reference server
 * ({@code socketio-server.js} with the matching Node adapter). Node {@code i} (from 1) listens on
 * {@code cluster.nodePort + i - 1}. Nodes are added, never removed, until {@link #close}.
 * Confined to the runner's thread.
 */
final class ClusterNodes implements AutoCloseable {
    /** The kinds of node. */
    static final List<String> KINDS = List.of("socketee", "node");

    private final String kind;
    private final String adapter;
    private final String redisUrl;
    private final Options options;
    private final List<ServerProcess> nodes = new ArrayList<>();

    ClusterNodes(String kind, String adapter, String redisUrl, Options options) {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("unknown cluster server " + kind + "; known: " + KINDS);
        }
        this.kind = kind;
        this.adapter = adapter;
        this.redisUrl = redisUrl;
        this.options = options;
    }

    /** Starts nodes until there are {@code n}, one after the other (each waits until it answers). */
    void growTo(int n) {
        while (nodes.size() < n) {
            int index = nodes.size() + 1;
            int port = options.integer("cluster.nodePort") + index - 1;
            String name = kind + "-" + adapter + "-" + index;
            List<String> command = new ArrayList<>(List.of("taskset", "-c", options.str("serverCpu")));
            boolean java = kind.equals("socketee");
            if (java) {
                command.addAll(List.of(options.str("wlpHome") + "/bin/server", "run",
                        JavaServers.libertyCopy(options, "c" + index, port)));
            } else {
                command.addAll(List.of("node", options.path("nodeDir").resolve("socketio-server.js").toString(),
                        String.valueOf(port), adapter, redisUrl));
            }
            // MicroProfile Config reads these as socketio.adapter and socketio.redis.url
            Map<String, String> env = java ? Map.of("SOCKETIO_ADAPTER", adapter, "SOCKETIO_REDIS_URL", redisUrl) : Map.of();
            nodes.add(ServerProcess.launch(name, command, env, port, java, "/socket.io/?EIO=4&transport=polling",
                    options, options.path("out").resolve(name + "-server.log")));
        }
    }

    /** The nodes running now, in the order they were started. */
    List<ServerProcess> list() {
        return List.copyOf(nodes);
    }

    /** utime + stime of every node, summed, in microseconds. */
    long cpuMicros() {
        return nodes.stream().mapToLong(n -> n.cpuTimes().totalMicros()).sum();
    }

    @Override
    public void close() {
        nodes.forEach(ServerProcess::close);
        nodes.clear();
    }
}
