package io.socketee.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The benchmark runner of issue 7: starts every server pinned to its core, warms each up
 * identically, runs every scenario the given number of times on each server in turn, and prints one table of medians
 * with the SocketEE / Node ratios (also written to {@code <out>/results.md}). Run it pinned to
 * the generator's core: {@code taskset -c 1 java io.socketee.bench.load.Bench key=value...}
 * ({@code mvn -Pbench package} does). Single-threaded.
 */
public final class Bench {
    private final Options options;
    private final Report report;
    private final StringBuilder log = new StringBuilder();

    private Bench(Options options) {
        this.options = options;
        this.report = new Report(options.list("servers"));
    }

    /** Entry point: {@code key=value} options (see {@link Options}); exits 1 when a server failed. */
    public static void main(String[] args) {
        Options options = Options.parse(args);
        System.exit(new Bench(options).runAll() ? 0 : 1);
    }

    private boolean runAll() {
        Path out = options.outDir();
        say("# SocketEE benchmark " + Instant.now() + ", generator on CPUs " + ProcStat.allowedCpus()
                + ", servers on CPU " + options.str("serverCpu") + ", load average " + ProcStat.loadAverage());
        say("options: " + new java.util.TreeMap<>(options.values()));
        if (!ProcStat.allowedCpus().equals(options.str("generatorCpu"))) {
            say("WARNING: the generator is not pinned to CPU " + options.str("generatorCpu") + " (use taskset)");
        }
        boolean ok = runInterleaved();
        String table = report.table();
        say("\n## Medians of " + options.str("reps") + " repetitions (load average at the end: "
                + ProcStat.loadAverage() + ")\n\n" + table);
        write(out.resolve("results.md"), log + "\n## Every repetition\n\n" + report.raw());
        return ok;
    }

    /**
     * Starts every server (each idle while another is measured), warms each up, then runs
     * repetition after repetition, every server in turn within each, so that a change in the
     * machine's load spreads over all servers instead of favouring the last one.
     */
    private boolean runInterleaved() {
        List<ServerProcess> live = new ArrayList<>();
        boolean ok = true;
        try {
            for (String name : options.list("servers")) {
                ok &= start(name, live);
            }
            int warmups = options.flag("warmup") ? options.integer("warmups") : 0;
            for (ServerProcess server : List.copyOf(live)) {
                for (int w = 1; w <= warmups && live.contains(server); w++) {
                    ok &= phase(live, server, options.warmup(), warmups == 1 ? "warm-up" : "warm-up " + w, false);
                }
                if (options.flag("jfr") && live.contains(server)) {
                    server.startRecording(options.str("jfrSettings"));
                }
            }
            for (int rep = 1; rep <= options.integer("reps"); rep++) {
                for (ServerProcess server : List.copyOf(live)) {
                    ok &= phase(live, server, options, "rep " + rep, true);
                }
            }
            if (options.flag("jfr")) {
                live.forEach(s -> s.dumpRecording(options.path("out").resolve(s.name() + ".jfr")));
            }
        } finally {
            live.forEach(ServerProcess::close);
        }
        return ok;
    }

    private boolean start(String name, List<ServerProcess> live) {
        Path serverLog = options.path("out").resolve(name + "-server.log");
        try {
            ServerProcess server = ServerProcess.start(name, options, serverLog);
            live.add(server);
            say("\n## " + name + " started (pid " + server.pid() + ", on CPUs "
                    + ProcStat.allowedCpus(String.valueOf(server.pid())) + "), load average " + ProcStat.loadAverage());
            return true;
        } catch (RuntimeException e) {
            say(name + " FAILED to start: " + e + "\n" + ServerProcess.tail(serverLog));
            return false;
        }
    }

    /** Runs one phase (null options: nothing) on one server; a failure stops and drops that server only. */
    private boolean phase(List<ServerProcess> live, ServerProcess server, Options o, String label, boolean record) {
        if (o == null) {
            return true;
        }
        try {
            runScenarios(server, o, label, record);
            return true;
        } catch (RuntimeException e) {
            say(server.name() + " FAILED in " + label + ": " + e + "\n" + ServerProcess.tail(server.log()));
            live.remove(server);
            server.close();
            return false;
        }
    }

    private void runScenarios(ServerProcess server, Options o, String label, boolean record) {
        Wire wire = new Wire(!server.name().equals("ws"), o.integer("payloadBytes"));
        Meter meter = new Meter(server, o.integer("generatorCpu"));
        for (String id : o.list("scenarios")) {
            if (id.equals("S5") && server.name().equals("ws")) {
                continue;   // polling is Engine.IO's; the raw floor has none
            }
            Scenario scenario = create(id);
            Map<String, Double> metrics = scenario.run(new Scenario.Context(o, server, meter, wire));
            String extra = scenario instanceof RateScenario rs ? " steps:" + rs.steps() : "";
            say(String.format("%s %s %s: %s%s (load %s)", server.name(), label, id, brief(metrics), extra,
                    ProcStat.loadAverage()));
            if (record) {
                report.add(server.name(), metrics);
            }
            pause();
        }
    }

    private static Scenario create(String id) {
        return switch (id) {
            case "S1" -> new EchoScenario();
            case "S2" -> new FanoutScenario(FanoutScenario.Kind.WEBSOCKET);
            case "S3" -> new StormScenario();
            case "S4" -> new RateScenario();
            case "S5" -> new FanoutScenario(FanoutScenario.Kind.POLLING);
            case "S6" -> new FanoutScenario(FanoutScenario.Kind.WEBSOCKET_STALLED);
            default -> throw new IllegalArgumentException("no scenario " + id + "; known: S1..S6");
        };
    }

    private static String brief(Map<String, Double> metrics) {
        StringBuilder sb = new StringBuilder();
        metrics.forEach((k, v) -> sb.append(k.substring(3)).append('=').append(Report.format(k, v)).append("; "));
        return sb.toString();
    }

    /** Lets the server release the last scenario's connections before the next one starts. */
    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void say(String line) {
        System.out.println(line);
        log.append(line).append('\n');
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
