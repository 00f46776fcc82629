package io.socketee.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The restart storm (issue 15, item 5): for each server, {@code reps} times, starts it, connects
 * {@code restart.clients} official socket.io-client 4 clients with their default reconnection
 * ({@code src-it/node/restart-storm.js}), kills the server with SIGKILL, starts it again at once
 * and lets the script measure, from the moment the server answers a handshake again ("ready"),
 * how long each client takes to come back and how that time splits into waiting on the client's
 * backoff timer and the server's own handshake. Prints one line per restart and writes them to
 * {@code <out>/restart.md}; the script's JSON lines go to {@code <out>/restart.jsonl}.
 * Run it pinned to the generator's core, as {@link Bench}:
 * {@code mvn -Pbench package -Dbench.main=io.socketee.bench.load.RestartStorm
 * -Dbench.options="servers=socketee,node reps=3"}. Single-threaded but for one reader of the
 * script's output.
 */
public final class RestartStorm {
    private final Options options;
    private final StringBuilder log = new StringBuilder();

    private RestartStorm(Options options) {
        this.options = options;
    }

    /** Entry point: {@code key=value} options (see {@link Options}); exits 1 when a restart failed. */
    public static void main(String[] args) {
        System.exit(new RestartStorm(Options.parse(args)).runAll() ? 0 : 1);
    }

    private boolean runAll() {
        Path out = options.outDir();
        say("# SocketEE restart storm " + Instant.now() + ", " + options.str("restart.clients") + " clients ("
                + options.str("restart.transports") + "), generator on CPUs " + ProcStat.allowedCpus()
                + ", servers on CPU " + options.str("serverCpu") + ", load average " + ProcStat.loadAverage());
        boolean ok = true;
        for (int rep = 1; rep <= options.integer("reps"); rep++) {
            for (String name : options.list("servers")) {
                try {
                    restart(name, rep);
                } catch (RuntimeException e) {
                    say(name + " rep " + rep + " FAILED: " + e);
                    ok = false;
                }
            }
        }
        try {
            Files.writeString(out.resolve("restart.md"), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ok;
    }

    private void restart(String name, int rep) {
        Path out = options.path("out");
        Path before = out.resolve(name + "-restart-" + rep + "-before.log");
        Path after = out.resolve(name + "-restart-" + rep + "-after.log");
        int port = options.integer("port." + name);
        Process script = null;
        ServerProcess restarted = null;
        try (ServerProcess first = ServerProcess.start(name, options, before)) {
            script = script(name, port, out.resolve(name + "-restart-" + rep + "-script.log"));
            CompletableFuture<String> connected = new CompletableFuture<>();
            CompletableFuture<String> measured = new CompletableFuture<>();
            read(script, connected, measured);
            connected.get(5, TimeUnit.MINUTES);
            long killedAt = System.nanoTime();
            first.kill();
            restarted = ServerProcess.start(name, options, after);
            long startMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
            String result = measured.get(5, TimeUnit.MINUTES);
            say(String.format("%s rep %d: killed, answering again after %d ms; %s", name, rep, startMs, result));
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(name + ": the storm script failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (script != null) {
                script.destroyForcibly();
            }
            if (restarted != null) {
                restarted.close();
            }
        }
    }

    private Process script(String name, int port, Path scriptLog) {
        Path nodeModules = options.path("nodeModules").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of("node", nodeModules.resolveSibling("restart-storm.js").toString(),
                "--url", "http://" + options.str("host") + ":" + port + "/",
                "--clients", options.str("restart.clients"), "--transports", options.str("restart.transports"),
                "--report", options.path("out").resolve("restart.jsonl").toAbsolutePath().toString(), "--label", name));
        try {
            return new ProcessBuilder(command).redirectOutput(scriptLog.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Completes {@code connected} and then {@code measured} from the script's stderr lines. */
    private static void read(Process script, CompletableFuture<String> connected, CompletableFuture<String> measured) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(script.getErrorStream(), StandardCharsets.UTF_8))) {
                StringBuilder all = new StringBuilder();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    all.append(line).append('\n');
                    if (line.startsWith("restart-storm: connected")) {
                        connected.complete(line);
                    } else if (line.startsWith("restart-storm measured ")) {
                        measured.complete(line.substring("restart-storm measured ".length()));
                    }
                }
                IllegalStateException ended = new IllegalStateException("the script ended: " + all);
                connected.completeExceptionally(ended);
                measured.completeExceptionally(ended);
            } catch (IOException e) {
                connected.completeExceptionally(e);
                measured.completeExceptionally(e);
            }
        }, "restart-storm-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void say(String line) {
        System.out.println(line);
        log.append(line).append('\n');
    }
}
