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
import java.util.stream.Collectors;

/**
 * A real Redis Sentinel deployment for the topology tests: a master, one replica and three
 * sentinels (quorum 2) watching master {@value #MASTER}, Redis 7 ({@code redis-server} from PATH,
 * sentinels as {@code redis-server <conf> --sentinel}) on 127.0.0.1 and five consecutive ports
 * from {@code socketee.it.redisSentinel.port} (9196 by default: master, replica, then the
 * sentinels), without persistence, each process in its own folder under the tests' temporary
 * folder. A master that stops answering is declared down after 1 s and its replica promoted.
 *
 * <p>Thread-safe: every method synchronises on the instance.
 */
public final class RedisSentinel implements AutoCloseable {
    /** The master's name the sentinels know it by. */
    public static final String MASTER = "socketee";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final int firstPort;
    private final Path dir;
    private final Map<Integer, Process> processes = new LinkedHashMap<>();

    private RedisSentinel(int firstPort, Path dir) {
        this.firstPort = firstPort;
        this.dir = dir;
    }

    private static final SharedProcess<RedisSentinel> SHARED =
            new SharedProcess<>(RedisSentinel::start, RedisSentinel::close, "redis-sentinel-stop");

    /**
     * The deployment of the sentinel tests, started when none runs (from a {@code @Deployment}
     * method, before the WARs connect). A test class that uses it stops it in {@code @AfterAll}
     * with {@link #stopShared()}; a JVM shutdown hook is only the last resort.
     */
    public static RedisSentinel shared() {
        return SHARED.get();
    }

    /** Stops the shared deployment, if one runs. */
    public static void stopShared() {
        SHARED.stop();
    }

    /** Starts master, replica and sentinels and waits until every sentinel knows both data nodes and its peers. */
    public static RedisSentinel start() {
        int first = Integer.getInteger("socketee.it.redisSentinel.port", 9196);
        Path dir = Path.of(System.getProperty("socketee.it.tmpDir", System.getProperty("java.io.tmpdir")))
                .resolve("redis-sentinel-" + first);
        RedisSentinel sentinel = new RedisSentinel(first, dir);
        try {
            sentinel.create();
        } catch (RuntimeException e) {
            sentinel.close();
            throw e;
        }
        return sentinel;
    }

    /** The sentinels' URLs, comma-separated, for socketio.redis.url. */
    public String sentinelUrls() {
        return sentinelPorts().stream().map(p -> "redis://127.0.0.1:" + p).collect(Collectors.joining(","));
    }

    /** The port of the master the sentinels name now (as a live sentinel sees it). */
    public synchronized int masterPort() {
        for (int sentinel : sentinelPorts()) {
            String[] reply = RedisCli.cli(sentinel, "SENTINEL", "get-master-addr-by-name", MASTER).trim().split("\n");
            if (reply.length == 2 && reply[1].trim().matches("\\d+")) {
                return Integer.parseInt(reply[1].trim());
            }
        }
        throw new IllegalStateException("no sentinel names a master");
    }

    /** {@code PUBSUB NUMSUB channel} on the master the sentinels name now: its subscribers, for a failure message. */
    public String numSubOnMaster(String channel) {
        int master = masterPort();
        String[] reply = RedisCli.cli(master, "PUBSUB", "NUMSUB", channel).trim().split("\n");
        return channel + " has " + reply[reply.length - 1].trim() + " subscribers on the master (" + master + ")";
    }

    /** Waits until the master on {@code port} has its replica in sync, and every write it took reached it. */
    public void awaitReplicated(int port) {
        RedisCli.awaitTrue(() -> RedisCli.cli(port, "INFO", "replication").contains("state=online")
                && RedisCli.cli(port, "WAIT", "1", "2000").trim().equals("1"), "the master on " + port
                + " has its replica in sync", TIMEOUT);
    }

    /** Kills the data node on {@code port} at once (SIGKILL), as a crash would. */
    public synchronized void kill(int port) {
        Process p = processes.remove(port);
        if (p != null) {
            RedisCli.kill(p);
        }
    }

    /** Waits until the sentinels name a master other than {@code deadPort} and it takes writes. */
    public void awaitFailover(int deadPort) {
        RedisCli.awaitTrue(() -> {
            try {
                int now = masterPort();
                return now != deadPort && RedisCli.cli(now, "INFO", "replication").contains("role:master");
            } catch (RuntimeException e) {
                return false;
            }
        }, "the sentinels promote a replica in place of " + deadPort, TIMEOUT);
    }

    @Override
    public synchronized void close() {
        for (int port : List.copyOf(processes.keySet())) {
            kill(port);
        }
    }

    private List<Integer> sentinelPorts() {
        return List.of(firstPort + 2, firstPort + 3, firstPort + 4);
    }

    private synchronized void create() {
        int master = firstPort;
        int replica = firstPort + 1;
        try {
            for (int port = firstPort; port < firstPort + 5; port++) {
                if (RedisCli.cli(port, "PING").contains("PONG")) {
                    throw new IllegalStateException("a Redis already answers on port " + port
                            + ": stop it or set -Dsocketee.it.redisSentinel.port to five free ports");
                }
            }
            startData(master, List.of());
            startData(replica, List.of("--replicaof", "127.0.0.1", String.valueOf(master)));
            RedisCli.awaitTrue(() -> RedisCli.cli(master, "INFO", "replication").contains("state=online"),
                    "the replica syncs with the master", TIMEOUT);
            for (int port : sentinelPorts()) {
                Path home = home(port);
                Path conf = home.resolve("sentinel.conf");
                // the sentinel rewrites its file (known replicas and sentinels, epochs), so each has its own
                Files.writeString(conf, String.join("\n", "port " + port, "bind 127.0.0.1", "protected-mode no",
                        "dir " + home, "sentinel monitor " + MASTER + " 127.0.0.1 " + master + " 2",
                        "sentinel down-after-milliseconds " + MASTER + " 1000",
                        "sentinel failover-timeout " + MASTER + " 10000",
                        "sentinel parallel-syncs " + MASTER + " 1", ""));
                processes.put(port, new ProcessBuilder(List.of("redis-server", conf.toString(), "--sentinel"))
                        .redirectErrorStream(true).redirectOutput(home.resolve("sentinel.log").toFile()).start());
            }
            for (int port : sentinelPorts()) {
                RedisCli.awaitTrue(() -> {
                    String info = RedisCli.cli(port, "SENTINEL", "master", MASTER);
                    return info.contains("num-slaves\n1") && info.contains("num-other-sentinels\n2");
                }, "sentinel " + port + " knows the replica and the other sentinels", TIMEOUT);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Redis Sentinel (is Debian's redis-server installed?)", e);
        }
    }

    private void startData(int port, List<String> more) throws IOException {
        Path home = home(port);
        List<String> command = new ArrayList<>(List.of("redis-server", "--port", String.valueOf(port), "--bind",
                "127.0.0.1", "--protected-mode", "no", "--save", "", "--appendonly", "no", "--dir", home.toString()));
        command.addAll(more);
        processes.put(port, new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("redis.log").toFile()).start());
        RedisCli.awaitTrue(() -> RedisCli.cli(port, "PING").contains("PONG"), "node " + port + " answers PING", TIMEOUT);
    }

    /** The emptied folder of the process on {@code port}. */
    private Path home(int port) throws IOException {
        Path home = dir.resolve(String.valueOf(port));
        if (Files.exists(home)) {
            try (var files = Files.list(home)) {
                for (Path f : files.toList()) {
                    Files.delete(f); // a sentinel.conf of an earlier run would remember an old master
                }
            }
        }
        Files.createDirectories(home);
        return home;
    }
}
