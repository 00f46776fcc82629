package io.socketee.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The cluster benchmark (issue 17, item 6): for each adapter of {@code cluster.adapters} and each
 * kind of server of {@code cluster.servers}, starts a fresh Redis (one server, or a Redis Cluster
 * of three masters for {@code redis-sharded}), starts the smallest number of nodes of
 * {@code cluster.nodes}, runs {@link ClusterScenario}, adds nodes up to the next number and runs it
 * again, and so on; then stops the nodes and Redis. Prints one table with a SocketEE / Node column
 * (medians over {@code cluster.reps}) and writes it to {@code <out>/cluster-results.md}. Run it
 * pinned to the generator's core, as {@link Bench}: {@code mvn -Pbench package
 * -Dbench.main=io.socketee.bench.load.ClusterBench}. Single-threaded.
 */
public final class ClusterBench {
    private final Options options;
    private final Report report;
    private final StringBuilder log = new StringBuilder();

    private ClusterBench(Options options) {
        this.options = options;
        this.report = new Report(options.list("cluster.servers"));
    }

    /** Entry point: {@code key=value} options (see {@link Options}); exits 1 when a run failed. */
    public static void main(String[] args) {
        System.exit(new ClusterBench(Options.parse(args)).runAll() ? 0 : 1);
    }

    private boolean runAll() {
        Path out = options.outDir();
        say("# SocketEE cluster benchmark " + Instant.now() + ", generator on CPUs " + ProcStat.allowedCpus()
                + ", nodes and Redis on CPU " + options.str("serverCpu") + ", load average " + ProcStat.loadAverage());
        say("options: " + new java.util.TreeMap<>(options.values()).entrySet().stream()
                .filter(e -> e.getKey().startsWith("cluster.") || List.of("serverCpu", "generatorCpu", "payloadBytes")
                        .contains(e.getKey())).toList());
        boolean ok = true;
        for (String adapter : options.list("cluster.adapters")) {
            for (String kind : options.list("cluster.servers")) {
                ok &= runCluster(adapter, kind);
            }
        }
        String table = report.table();
        say("\n## Medians of " + options.str("cluster.reps") + " repetition(s) (load average at the end: "
                + ProcStat.loadAverage() + ")\n\n" + table);
        try {
            Files.writeString(out.resolve("cluster-results.md"), log + "\n## Every repetition\n\n" + report.raw());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ok;
    }

    /** One adapter, one kind of server: a fresh Redis, nodes added up to each size in turn. */
    private boolean runCluster(String adapter, String kind) {
        String cpu = options.str("serverCpu");
        Path dir = options.path("out").resolve("cluster-redis");
        try (BenchRedis redis = adapter.equals("redis-sharded")
                ? BenchRedis.cluster(3, options.integer("cluster.redisClusterPort"),
                        options.integer("cluster.redisClusterBusPort"), cpu, dir)
                : BenchRedis.single(options.integer("cluster.redisPort"), cpu, dir);
             ClusterNodes cluster = new ClusterNodes(kind, adapter, redis.url(), options)) {
            for (int n : options.list("cluster.nodes").stream().map(Integer::valueOf).sorted().toList()) {
                cluster.growTo(n);
                say(String.format("%n## %s, %s, %d nodes (pids %s, Redis %s), load average %s", kind, adapter, n,
                        cluster.list().stream().map(ServerProcess::pid).toList(), redis.pids(), ProcStat.loadAverage()));
                for (int rep = 1; rep <= options.integer("cluster.reps"); rep++) {
                    ServerProcess first = cluster.list().get(0);
                    Map<String, Double> metrics = new ClusterScenario(adapter + ", " + n + " nodes", cluster, redis)
                            .run(new Scenario.Context(options, first, null, new Wire(true, options.integer("payloadBytes"))));
                    StringBuilder brief = new StringBuilder();
                    metrics.forEach((k, v) -> brief.append("\n  ").append(k).append(" = ").append(Report.format(v)));
                    say(kind + " rep " + rep + " (load " + ProcStat.loadAverage() + "):" + brief);
                    report.add(kind, metrics);
                }
            }
            return true;
        } catch (RuntimeException e) {
            say(kind + ", " + adapter + " FAILED: " + e);
            return false;
        }
    }

    private void say(String line) {
        System.out.println(line);
        log.append(line).append('\n');
    }
}
