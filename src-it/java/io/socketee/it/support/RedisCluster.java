package io.socketee.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real Redis Cluster for the sharded adapter tests: three masters and three replicas, Redis 7
 * ({@code redis-server} and {@code redis-cli} from PATH: Debian's redis-server package, which
 * .ci/install-system-packages installs), on 127.0.0.1 and six consecutive ports from
 * {@code socketee.it.redisCluster.port} (9190 by default; each node's cluster bus is its port +
 * 10000), without persistence, each node in its own folder under the tests' temporary folder.
 * Made with {@code redis-cli --cluster create ... --cluster-replicas 1 --cluster-yes}; a master
 * that fails is replaced by its replica after 2 s ({@code cluster-node-timeout}).
 *
 * <p>Thread-safe: every method synchronises on the instance.
 */
public final class RedisCluster implements AutoCloseable {
    private static final int NODES = 6;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final int firstPort;
    private final Path dir;
    private final Map<Integer, Process> processes = new LinkedHashMap<>();

    private RedisCluster(int firstPort, Path dir) {
        this.firstPort = firstPort;
        this.dir = dir;
    }

    private static final SharedProcess<RedisCluster> SHARED =
            new SharedProcess<>(RedisCluster::start, RedisCluster::close, "redis-cluster-stop");

    /**
     * The cluster of the sharded tests, started when none runs (from a {@code @Deployment} method,
     * before the WARs connect). A test class that uses it stops it in {@code @AfterAll} with
     * {@link #stopShared()}; a JVM shutdown hook is only the last resort.
     */
    public static RedisCluster shared() {
        return SHARED.get();
    }

    /** Stops the shared cluster, if one runs. */
    public static void stopShared() {
        SHARED.stop();
    }

    /** Starts the six nodes, makes them one cluster and waits until every node sees it ok. */
    public static RedisCluster start() {
        int first = Integer.getInteger("socketee.it.redisCluster.port", 9190);
        Path dir = Path.of(System.getProperty("socketee.it.tmpDir", System.getProperty("java.io.tmpdir")))
                .resolve("redis-cluster-" + first);
        RedisCluster cluster = new RedisCluster(first, dir);
        try {
            cluster.create();
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** The URL of the first node: clients find the others from it. */
    public String url() {
        return "redis://127.0.0.1:" + firstPort;
    }

    /** The URLs of the first three nodes, comma-separated: seed nodes, for socketio.redis.url. */
    public String seedUrls() {
        return "redis://127.0.0.1:" + firstPort + ",redis://127.0.0.1:" + (firstPort + 1) + ",redis://127.0.0.1:"
                + (firstPort + 2);
    }

    /** The live nodes' ports on which {@code PUBSUB NUMSUB channel} counts a subscriber. */
    public synchronized List<Integer> subscribedNodes(String channel) {
        List<Integer> ports = new ArrayList<>();
        for (int port : processes.keySet()) {
            String[] lines = cli(port, "PUBSUB", "NUMSUB", channel).trim().split("\n");
            if (Long.parseLong(lines[lines.length - 1].trim()) > 0) {
                ports.add(port);
            }
        }
        return ports;
    }

    /** {@code PUBSUB NUMSUB channel} on every live node, summed: the classic subscribers of {@code channel}. */
    public long numSub(String channel) {
        return summed("NUMSUB", channel);
    }

    /** {@code PUBSUB count channel} on every live node, summed. */
    private synchronized long summed(String count, String channel) {
        long sum = 0;
        for (int port : processes.keySet()) {
            String[] lines = cli(port, "PUBSUB", count, channel).trim().split("\n");
            sum += Long.parseLong(lines[lines.length - 1].trim());
        }
        return sum;
    }

    /** {@code WAIT 1 timeout} on the master on {@code port}: whether a replica has every write it acknowledged. */
    public boolean replicated(int port) {
        return cli(port, "WAIT", "1", "5000").trim().equals("1");
    }

    private synchronized void create() {
        List<String> addresses = new ArrayList<>();
        try {
            for (int i = 0; i < NODES; i++) {
                int port = firstPort + i;
                if (cli(port, "PING").contains("PONG")) {
                    throw new IllegalStateException("a Redis already answers on port " + port
                            + ": stop it or set -Dsocketee.it.redisCluster.port to six free ports");
                }
                Path home = dir.resolve(String.valueOf(port));
                if (Files.exists(home)) {
                    try (var files = Files.list(home)) {
                        for (Path f : files.toList()) {
                            Files.delete(f); // nodes.conf of an earlier run would make an old cluster
                        }
                    }
                }
                Files.createDirectories(home);
                processes.put(port, new ProcessBuilder(List.of("redis-server", "--port", String.valueOf(port),
                        "--bind", "127.0.0.1", "--protected-mode", "no", "--save", "", "--appendonly", "no",
                        "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--cluster-node-timeout",
                        "2000", "--dir", home.toString()))
                        .redirectErrorStream(true).redirectOutput(home.resolve("redis.log").toFile()).start());
                addresses.add("127.0.0.1:" + port);
            }
            for (int port : processes.keySet()) {
                awaitTrue(() -> cli(port, "PING").contains("PONG"), "node " + port + " answers PING");
            }
            List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
            create.addAll(addresses);
            create.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
            String out = run(create);
            if (!out.contains("All 16384 slots covered")) {
                throw new IllegalStateException("redis-cli --cluster create failed:\n" + out);
            }
            for (int port : processes.keySet()) {
                awaitTrue(() -> cli(port, "CLUSTER", "INFO").contains("cluster_state:ok"), "node " + port + " sees the cluster ok");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Redis Cluster (is Debian's redis-server installed?)", e);
        }
    }

    /** The port of the master that serves {@code key}'s slot now (as a live node sees it). */
    public synchronized int masterOf(String key) {
        int slot = Integer.parseInt(cli(livePort(), "CLUSTER", "KEYSLOT", key).trim());
        for (String line : cli(livePort(), "CLUSTER", "NODES").split("\n")) {
            String[] f = line.trim().split(" ");
            if (f.length < 9 || !f[2].contains("master") || f[2].contains("fail")) {
                continue;
            }
            for (int i = 8; i < f.length; i++) {
                String[] range = f[i].split("-");
                if (range[0].startsWith("[")) {
                    continue; // a slot being migrated
                }
                int from = Integer.parseInt(range[0]);
                int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
                if (slot >= from && slot <= to) {
                    return Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1, f[1].indexOf('@')));
                }
            }
        }
        throw new IllegalStateException("no live master serves the slot of " + key);
    }

    /**
     * Moves {@code key}'s slot (it holds no keys) from the master serving it to another master, as
     * {@code redis-cli --cluster reshard} does, one slot: {@code CLUSTER SETSLOT} IMPORTING on the
     * target, MIGRATING on the source, then NODE on the target, the source and every other master.
     * Returns the port of the new master, once every live node sees it serving the slot.
     */
    public synchronized int moveSlot(String key) {
        int slot = Integer.parseInt(cli(livePort(), "CLUSTER", "KEYSLOT", key).trim());
        int source = masterOf(key);
        Map<Integer, String> masters = new LinkedHashMap<>();
        for (String line : cli(livePort(), "CLUSTER", "NODES").split("\n")) {
            String[] f = line.trim().split(" ");
            if (f.length >= 3 && f[2].contains("master") && !f[2].contains("fail")) {
                masters.put(Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1, f[1].indexOf('@'))), f[0]);
            }
        }
        int target = masters.keySet().stream().filter(p -> p != source).findFirst().orElseThrow();
        String s = String.valueOf(slot);
        expectOk(cli(target, "CLUSTER", "SETSLOT", s, "IMPORTING", masters.get(source)));
        expectOk(cli(source, "CLUSTER", "SETSLOT", s, "MIGRATING", masters.get(target)));
        expectOk(cli(target, "CLUSTER", "SETSLOT", s, "NODE", masters.get(target)));
        expectOk(cli(source, "CLUSTER", "SETSLOT", s, "NODE", masters.get(target)));
        for (int other : masters.keySet()) {
            if (other != source && other != target) {
                expectOk(cli(other, "CLUSTER", "SETSLOT", s, "NODE", masters.get(target)));
            }
        }
        awaitTrue(() -> processes.keySet().stream().allMatch(p -> servedBy(p, slot, target)),
                "every node sees slot " + slot + " on " + target);
        return target;
    }

    private boolean servedBy(int port, int slot, int master) {
        for (String line : cli(port, "CLUSTER", "NODES").split("\n")) {
            String[] f = line.trim().split(" ");
            if (f.length < 9 || !f[1].startsWith("127.0.0.1:" + master + "@")) {
                continue;
            }
            for (int i = 8; i < f.length; i++) {
                String[] range = f[i].split("-");
                if (!range[0].startsWith("[") && slot >= Integer.parseInt(range[0])
                        && slot <= Integer.parseInt(range.length > 1 ? range[1] : range[0])) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void expectOk(String reply) {
        if (!reply.trim().equals("OK")) {
            throw new IllegalStateException("CLUSTER SETSLOT failed: " + reply);
        }
    }

    /** {@code PUBSUB SHARDNUMSUB channel} on every live node, summed: the servers subscribed to it. */
    public long shardNumSub(String channel) {
        return summed("SHARDNUMSUB", channel);
    }

    /**
     * Waits until the master on {@code port} has a replica in sync ({@code state=online} in its
     * {@code INFO replication}). Redis promotes only a replica whose data is recent: one whose
     * first sync had not finished when its master was killed was never promoted (seen in a CI run
     * on a loaded machine, where that sync took more than 5 s after the cluster was created).
     */
    public void awaitReplicaInSync(int port) {
        awaitTrue(() -> cli(port, "INFO", "replication").contains("state=online"),
                "the master on " + port + " has a replica in sync");
    }

    /** Kills the node on {@code port} at once (SIGKILL), as a crash would. */
    public synchronized void kill(int port) {
        Process p = processes.remove(port);
        if (p != null) {
            RedisCli.kill(p);
        }
    }

    /**
     * Waits until the slots of the master that was on {@code deadPort} are served by its promoted
     * replica: a live node sees it failed and serving no slot, and the cluster ok.
     */
    public void awaitFailover(int deadPort) {
        awaitTrue(() -> {
            try {
                int live = livePort();
                for (String line : cli(live, "CLUSTER", "NODES").split("\n")) {
                    String[] f = line.trim().split(" ");
                    if (f.length >= 8 && f[1].startsWith("127.0.0.1:" + deadPort + "@")) {
                        return f[2].contains("fail") && !f[2].contains("fail?") && f.length == 8
                                && cli(live, "CLUSTER", "INFO").contains("cluster_state:ok");
                    }
                }
                return false;
            } catch (RuntimeException e) {
                return false;
            }
        }, "a replica is promoted in place of " + deadPort);
    }

    /** Waits until a live master other than {@code deadPort} serves {@code key}'s slot and the cluster is ok. */
    public void awaitFailover(String key, int deadPort) {
        awaitTrue(() -> {
            try {
                return masterOf(key) != deadPort && cli(livePort(), "CLUSTER", "INFO").contains("cluster_state:ok");
            } catch (RuntimeException e) {
                return false;
            }
        }, "a replica is promoted in place of " + deadPort);
    }

    @Override
    public synchronized void close() {
        for (int port : List.copyOf(processes.keySet())) {
            kill(port);
        }
    }

    private int livePort() {
        return processes.keySet().iterator().next();
    }

    private static String cli(int port, String... command) {
        return RedisCli.cli(port, command);
    }

    private static String run(List<String> command) throws IOException {
        return RedisCli.run(command);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
        RedisCli.awaitTrue(condition, what, START_TIMEOUT);
    }
}
