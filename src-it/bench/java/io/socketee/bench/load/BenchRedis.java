package io.socketee.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Redis of one cluster benchmark run, started fresh and empty for it and stopped after it:
 * one {@code redis-server} (for the classic and the Streams adapters) or a Redis Cluster of
 * masters only (for the sharded adapter), on loopback, without persistence, each pinned to a core
 * with {@code taskset} ({@code redis-server} and {@code redis-cli} from PATH: Debian's Redis 7).
 * Its CPU time (from {@code INFO cpu}) gives the cost per message. The integration tests start
 * theirs with {@code io.socketee.it.support.RedisServer} and {@code RedisCluster}; this one keeps
 * the benchmark self-contained, on its own ports. Confined to the runner's thread.
 */
final class BenchRedis implements AutoCloseable {
    private final List<Process> processes;
    private final List<Integer> ports;
    private final String url;

    private BenchRedis(List<Process> processes, List<Integer> ports) {
        this.processes = processes;
        this.ports = ports;
        this.url = "redis://127.0.0.1:" + ports.get(0);
    }

    /** One {@code redis-server} on {@code port}. */
    static BenchRedis single(int port, String cpu, Path dir) {
        List<Process> started = new ArrayList<>();
        try {
            started.add(server(port, cpu, dir, List.of()));
            awaitPing(port);
            return new BenchRedis(started, List.of(port));
        } catch (RuntimeException e) {
            started.forEach(BenchRedis::stop);
            throw e;
        }
    }

    /**
     * A Redis Cluster of {@code masters} masters and no replicas on the ports from
     * {@code firstPort}, each node's cluster bus on the ports from {@code firstBusPort}; returns
     * once every node sees the cluster ok.
     */
    static BenchRedis cluster(int masters, int firstPort, int firstBusPort, String cpu, Path dir) {
        List<Process> started = new ArrayList<>();
        try {
            List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
            for (int i = 0; i < masters; i++) {
                started.add(server(firstPort + i, cpu, dir, List.of("--cluster-enabled", "yes", "--cluster-port",
                        String.valueOf(firstBusPort + i), "--cluster-config-file", "nodes.conf",
                        "--cluster-node-timeout", "5000")));
                create.add("127.0.0.1:" + (firstPort + i));
            }
            for (int i = 0; i < masters; i++) {
                awaitPing(firstPort + i);
            }
            create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
            String out = run(create);
            if (!out.contains("All 16384 slots covered")) {
                throw new IllegalStateException("redis-cli --cluster create failed:\n" + out);
            }
            for (int i = 0; i < masters; i++) {
                int port = firstPort + i;
                await(() -> cli(port, "CLUSTER", "INFO").contains("cluster_state:ok"), "node " + port + " sees the cluster ok");
            }
            return new BenchRedis(started, java.util.stream.IntStream.range(firstPort, firstPort + masters).boxed().toList());
        } catch (RuntimeException e) {
            started.forEach(BenchRedis::stop);
            throw e;
        }
    }

    /** The URL the servers are given (for a cluster, its first node). */
    String url() {
        return url;
    }

    /**
     * The CPU time of every Redis process, summed, in microseconds: {@code used_cpu_user +
     * used_cpu_sys} of {@code INFO cpu}, the process's own {@code getrusage}, the same time as
     * utime + stime in {@code /proc/<pid>/stat} but to the microsecond instead of in 10 ms ticks
     * (a Redis busy a few percent of a core would get only a handful of ticks in a window).
     */
    long cpuMicros() {
        long sum = 0;
        for (int port : ports) {
            double seconds = 0;
            for (String line : cli(port, "INFO", "cpu").split("\r?\n")) {
                if (line.startsWith("used_cpu_user:") || line.startsWith("used_cpu_sys:")) {
                    seconds += Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
                }
            }
            sum += Math.round(seconds * 1e6);
        }
        return sum;
    }

    /** The pids, for the log. */
    List<Long> pids() {
        return processes.stream().map(Process::pid).toList();
    }

    @Override
    public void close() {
        processes.forEach(BenchRedis::stop);
    }

    private static Process server(int port, String cpu, Path dir, List<String> more) {
        if (cli(port, "PING").contains("PONG")) {
            throw new IllegalStateException("a Redis already answers on port " + port + ": stop it or choose other ports");
        }
        Path home = JavaServers.fresh(dir.resolve("redis-" + port));
        // taskset execs redis-server: the process is Redis itself, whose /proc/<pid>/stat is read
        List<String> command = new ArrayList<>(List.of("taskset", "-c", cpu, "redis-server", "--port", String.valueOf(port),
                "--bind", "127.0.0.1", "--protected-mode", "no", "--save", "", "--appendonly", "no",
                "--dir", home.toString()));
        command.addAll(more);
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(home.resolve("redis.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start redis-server (is Debian's redis-server installed?)", e);
        }
    }

    private static void stop(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitPing(int port) {
        await(() -> cli(port, "PING").contains("PONG"), "redis on " + port + " answers PING");
    }

    private static void await(java.util.function.BooleanSupplier done, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not within 30 s: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String cli(int port, String... args) {
        List<String> command = new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p", String.valueOf(port)));
        command.addAll(List.of(args));
        return run(command);
    }

    private static String run(List<String> command) {
        return ServerProcess.output(command);
    }
}
