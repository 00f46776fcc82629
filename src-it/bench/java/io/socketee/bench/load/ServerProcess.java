package io.socketee.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One server under test, started pinned to its core with {@code taskset} and stopped with the
 * run: SocketEE on Open Liberty, Payara Micro or WildFly, the Node.js reference server, or the raw
 * {@code ws} floor.
 * Confined to the runner's thread.
 */
final class ServerProcess implements AutoCloseable {
    /** Live heap after a full GC: the whole heap, and SocketEE's own classes (-1 where not known). */
    record Heap(long total, long own) {
    }

    private final String name;
    private final Process process;
    private final long pid;
    private final int port;
    private final boolean java;
    private final Path log;
    private int histograms; // class histograms written so far; the generator's thread only

    private ServerProcess(String name, Process process, long pid, int port, boolean java, Path log) {
        this.name = name;
        this.log = log;
        this.process = process;
        this.pid = pid;
        this.port = port;
        this.java = java;
    }

    /** Starts {@code name} (one of {@code Options}' servers) and waits until it answers. */
    static ServerProcess start(String name, Options o, Path log) {
        int port = o.integer("port." + name);
        List<String> command = new ArrayList<>(List.of("taskset", "-c", o.str("serverCpu")));
        boolean java = true;
        switch (name) {
            case "socketee" -> command.addAll(List.of(o.str("wlpHome") + "/bin/server", "run", o.str("libertyServer")));
            case "socketee-inline" -> command.addAll(List.of(o.str("wlpHome") + "/bin/server", "run",
                    JavaServers.libertyCopy(o, "inline", port)));
            case "wildfly" -> command.addAll(JavaServers.wildfly(o, port));
            case "payara" -> command.addAll(JavaServers.payara(o, port));
            case "node", "ws" -> {
                java = false;
                String script = name.equals("node") ? "socketio-server.js" : "ws-server.js";
                command.addAll(List.of("node", "--expose-gc", o.path("nodeDir").resolve(script).toString(),
                        String.valueOf(port)));
            }
            default -> throw new IllegalArgumentException("unknown server " + name
                    + " (socketee, socketee-inline, payara, wildfly, node, ws)");
        }
        Map<String, String> env = new java.util.HashMap<>();
        if (name.equals("socketee-inline")) {
            // MicroProfile Config reads this as socketio.inlineHandlers
            env.put("SOCKETIO_INLINEHANDLERS", "true");
        }
        if (java && !o.str("socketio.writeTimeout").isBlank()) {
            // as socketio.writeTimeout: S6 sees its stalled client dropped within a short wait
            env.put("SOCKETIO_WRITETIMEOUT", o.str("socketio.writeTimeout"));
        }
        String probe = name.equals("ws") ? "/bench/heap" : "/socket.io/?EIO=4&transport=polling";
        return launch(name, command, env, port, java, probe, o, log);
    }

    /**
     * Runs {@code command} (already pinned, if it should be) with {@code env} added to the
     * environment and NODE_PATH set, and waits until {@code probe} answers 200 on {@code port}.
     *
     * @param java whether the server is a JVM that the command starts (its pid is then looked up)
     */
    static ServerProcess launch(String name, List<String> command, Map<String, String> env, int port, boolean java,
            String probe, Options o, Path log) {
        requireFree(port);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("NODE_PATH", o.path("nodeModules").toAbsolutePath().toString());
        pb.environment().putAll(env);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerProcess server = new ServerProcess(name, process, -1, port, java, log);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(o.integer("startTimeoutSeconds"));
            while (httpStatus(port, probe) != 200) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + " did not start; see " + log);
                }
                Thread.sleep(250);
            }
            long pid = java ? javaPid(process) : process.pid();
            return new ServerProcess(name, process, pid, port, java, log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private static void requireFree(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
        } catch (IOException free) {
            return;
        }
        throw new IllegalStateException("port " + port + " is taken: another server is running there");
    }

    private static long javaPid(Process launcher) {
        // `server run` and standalone.sh may exec the JVM themselves, or start it as a child
        return Stream.concat(Stream.of(launcher.toHandle()), launcher.toHandle().descendants())
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no JVM under " + launcher.pid()))
                .pid();
    }

    static int httpStatus(int port, String path) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(5000);
            int status = c.getResponseCode();
            try (InputStream body = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                if (body != null) {
                    body.readAllBytes();
                }
            }
            return status;
        } catch (IOException e) {
            return -1;
        }
    }

    Path log() {
        return log;
    }

    String name() {
        return name;
    }

    long pid() {
        return pid;
    }

    int port() {
        return port;
    }

    ProcStat.CpuTimes cpuTimes() {
        return ProcStat.cpuTimes(pid);
    }

    Map<String, Long> threadSwitches() {
        return ProcStat.threadSwitches(pid);
    }

    long rssBytes() {
        return ProcStat.rssBytes(pid);
    }

    /**
     * Forces a full GC and reads the live heap: a class histogram (JVM, also written to
     * {@code <name>-histogram-<n>.txt} beside the server's log) or /bench/heap (Node).
     */
    Heap liveHeap() {
        try {
            if (!java) {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/bench/heap").toURL().openConnection();
                try (InputStream in = c.getInputStream()) {
                    return new Heap(Long.parseLong(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim()), -1);
                }
            }
            String out = jcmd("GC.class_histogram");
            // kept beside the server's log, for reading what the live heap holds
            Files.writeString(log.resolveSibling(name + "-histogram-" + (++histograms) + ".txt"), out);
            long total = -1;
            long own = 0;
            for (String line : out.split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 3 && f[0].equals("Total")) {
                    total = Long.parseLong(f[2]);
                } else if (f.length >= 4 && f[3].startsWith("io.socketee.")) {
                    own += Long.parseLong(f[2]);
                }
            }
            return new Heap(total, own);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a JFR recording in the server's JVM (no-op for Node): CPU samples and allocations.
     *
     * @param settings a JFR settings name ({@code profile}) or the path of a {@code .jfc} file
     */
    void startRecording(String settings) {
        if (java) {
            jcmd("JFR.start", "name=bench", "settings=" + settings);
        }
    }

    /** Dumps the JFR recording to {@code file} (no-op for Node). */
    void dumpRecording(Path file) {
        if (java) {
            jcmd("JFR.dump", "name=bench", "filename=" + file.toAbsolutePath());
        }
    }

    private String jcmd(String... command) {
        List<String> args = new ArrayList<>(List.of("jcmd", String.valueOf(pid)));
        args.addAll(List.of(command));
        return output(args);
    }

    /** Runs a short command to its end (at most 60 s) and answers its output, stderr included. */
    static String output(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Kills the server and everything it started at once (SIGKILL), as a crash or {@code kill -9}
     * would, and waits until they are gone.
     */
    void kill() {
        List<ProcessHandle> all = new ArrayList<>(process.toHandle().descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        all.forEach(p -> p.onExit().join());
    }

    /** Stops the server and everything it started: SIGTERM, then SIGKILL after 60 seconds. */
    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>(process.toHandle().descendants().toList());
        all.add(process.toHandle());
        for (ProcessHandle p : all) {
            p.destroy();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (ProcessHandle p : all) {
            while (p.isAlive() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    /** The server's log file lines, for error reports. */
    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
