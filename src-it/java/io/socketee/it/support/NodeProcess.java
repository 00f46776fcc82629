package io.socketee.it.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Node.js script from {@code src-it/node} run as a child process, with its output collected.
 *
 * <p>Every process gets {@code SOCKETEE_STDIN_LIFELINE=1} and an open stdin that only
 * {@link #close()} closes, so a script that honours the lifeline (the reference server and the
 * client scenarios do) also ends when the JVM dies. {@link #close()} always destroys the process
 * and its descendants. The node folder is the system property {@code socketee.node.dir}, else
 * {@code src-it/node} under the working directory; the executable is {@code socketee.node}, else
 * {@code node}.
 *
 * <p>Thread-safe: output is collected by two reader threads and every accessor synchronises.
 */
public final class NodeProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("^listening (\\d+)$");
    private static final Duration GRACE = Duration.ofSeconds(3);

    private final String command;
    private final Process process;
    private final List<String> stdout = new ArrayList<>();
    private final StringBuilder stderr = new StringBuilder();
    private final Thread stdoutReader;
    private final Thread stderrReader;
    private int port = -1;

    private NodeProcess(String command, Process process) {
        this.command = command;
        this.process = process;
        this.stdoutReader = reader(process.getInputStream(), "stdout", this::addStdout);
        this.stderrReader = reader(process.getErrorStream(), "stderr", this::addStderr);
    }

    /** What a finished (or timed-out) run printed and how it ended. */
    public record Result(String command, int exitCode, boolean timedOut, List<String> stdout, String stderr) {
        public Result {
            stdout = List.copyOf(stdout);
        }

        /** A short description for assertion messages. */
        public String summary() {
            String ending = timedOut ? "timed out" : "exit code " + exitCode;
            return command + " (" + ending + ")\nstdout:\n" + String.join("\n", stdout) + "\nstderr:\n" + tail(stderr, 4000);
        }
    }

    /** The folder holding the node scripts and their node_modules. */
    public static Path nodeDir() {
        String configured = System.getProperty("socketee.node.dir");
        Path dir = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("src-it", "node");
        return dir.toAbsolutePath().normalize();
    }

    /** Starts {@code node <script> <args...>} in {@link #nodeDir()}. */
    public static NodeProcess start(String script, String... args) {
        Path dir = nodeDir();
        Path file = dir.resolve(script);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no node script " + file);
        }
        if (!Files.isDirectory(dir.resolve("node_modules"))) {
            throw new IllegalStateException("run `npm ci` in " + dir + " first (node_modules is missing)");
        }
        List<String> commandLine = new ArrayList<>();
        commandLine.add(System.getProperty("socketee.node", "node"));
        commandLine.add(file.toString());
        commandLine.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(commandLine).directory(dir.toFile());
        builder.environment().put("SOCKETEE_STDIN_LIFELINE", "1");
        try {
            return new NodeProcess(String.join(" ", commandLine.subList(1, commandLine.size())), builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + commandLine, e);
        }
    }

    /** Runs a script to its end, or destroys it after {@code timeout}; never leaves it running. */
    public static Result run(Duration timeout, String script, String... args) {
        try (NodeProcess node = start(script, args)) {
            return node.awaitExit(timeout);
        }
    }

    /**
     * Starts a server script and waits until it prints {@code listening <port>}.
     *
     * @throws IllegalStateException if it exits or stays silent for {@code startTimeout}; the
     *     process is destroyed then
     */
    public static NodeProcess startServer(Duration startTimeout, String script, String... args) {
        NodeProcess node = start(script, args);
        try {
            OptionalInt port = node.awaitPort(startTimeout);
            if (port.isEmpty()) {
                throw new IllegalStateException("server did not report its port: " + node.snapshot(false).summary());
            }
            return node;
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
    }

    /** Starts {@code reference-server.js} on a free port with the contract's default options. */
    public static NodeProcess startReferenceServer() {
        return startServer(Duration.ofSeconds(20), "reference-server.js", "0");
    }

    /** The port a server reported, once it did. */
    public synchronized OptionalInt port() {
        return port < 0 ? OptionalInt.empty() : OptionalInt.of(port);
    }

    /** {@code http://127.0.0.1:<port>/}, the base URL of a started server. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port().orElseThrow(() -> new IllegalStateException("no port yet")) + "/");
    }

    /** Waits for the process to end; after {@code timeout} destroys it and reports a timeout. */
    public Result awaitExit(Duration timeout) {
        boolean exited = waitFor(process, timeout);
        if (!exited) {
            close();
        }
        joinReaders();
        return snapshot(!exited);
    }

    /**
     * Stops the process with {@code SIGSTOP}: it keeps its sockets open but answers nothing, as a
     * hung cluster member would, until {@link #resume()}.
     */
    public void suspend() {
        signal("STOP");
    }

    /** Lets a {@link #suspend() suspended} process run again ({@code SIGCONT}). */
    public void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot signal " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling " + command, e);
        }
    }

    /** Whether the process is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Fails, saying how it ended, when the process is no longer running: a server that died
     * during a test would otherwise pass every test that expects a connection to close.
     */
    public void assertRunning() {
        if (!process.isAlive()) {
            joinReaders();
            throw new AssertionError("the node process ended on its own: " + snapshot(false).summary());
        }
    }

    /**
     * Ends a server a test class started, if it did, after checking it was still running (a
     * server that died would pass every rule that expects a connection to close).
     */
    public static void stopCheckingItRan(NodeProcess server) {
        if (server != null) {
            try {
                server.assertRunning();
            } finally {
                server.close();
            }
        }
    }

    /** Closes stdin (the lifeline), then destroys the process and its descendants if they stay. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                resume(); // a suspended process would not act on the lifeline or SIGTERM
            } catch (RuntimeException ignored) {
                // it may have ended meanwhile
            }
        }
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // the process may already be gone
        }
        if (!waitFor(process, GRACE)) {
            List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
            tree.add(process.toHandle());
            tree.forEach(ProcessHandle::destroy);
            if (!waitFor(process, GRACE)) {
                tree.forEach(ProcessHandle::destroyForcibly);
                waitFor(process, GRACE);
            }
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    private synchronized OptionalInt awaitPort(Duration timeout) {
        awaitOutput(() -> port >= 0, timeout);
        return port();
    }

    /**
     * Waits until the process has written a line containing {@code text} on stderr (a cue of a
     * script that something outside it must act on now).
     *
     * @return false if the process ended or {@code timeout} passed first
     */
    public synchronized boolean awaitStderr(String text, Duration timeout) {
        return awaitOutput(() -> stderr.indexOf(text) >= 0, timeout);
    }

    private synchronized boolean awaitOutput(java.util.function.BooleanSupplier seen, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!seen.getAsBoolean() && process.isAlive()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return seen.getAsBoolean();
    }

    private synchronized Result snapshot(boolean timedOut) {
        int exitCode = process.isAlive() ? -1 : process.exitValue();
        return new Result(command, exitCode, timedOut, stdout, stderr.toString());
    }

    private synchronized void addStdout(String line) {
        stdout.add(line);
        Matcher matcher = LISTENING.matcher(line.trim());
        if (port < 0 && matcher.matches()) {
            port = Integer.parseInt(matcher.group(1));
        }
        notifyAll();
    }

    private synchronized void addStderr(String line) {
        stderr.append(line).append('\n');
        notifyAll();
    }

    private void joinReaders() {
        try {
            stdoutReader.join(GRACE.toMillis());
            stderrReader.join(GRACE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Thread reader(InputStream stream, String name, Consumer<String> sink) {
        Thread thread = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    sink.accept(line);
                }
            } catch (IOException ignored) {
                // the stream closes when the process is destroyed
            }
        }, "node-" + name + "-" + process.pid());
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static String tail(String text, int max) {
        return text.length() <= max ? text : "..." + text.substring(text.length() - max);
    }
}
