package io.socketee.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} for the cluster tests, on 127.0.0.1 and a fixed port
 * ({@code socketee.it.redis.port}, 9085 by default), without persistence. The binary is the
 * one on PATH when there is one, else the Linux x86-64 build that ships inside the test
 * dependency {@code com.github.codemonstur:embedded-redis} (Redis 6.2), copied to the tests'
 * temporary folder, so no Redis needs installing by hand.
 *
 * <p>Thread-safe: start, stop and restart synchronise on the instance.
 */
public final class RedisServer implements AutoCloseable {
    private static final String EMBEDDED = "redis-server-6.2.6-v5-linux-amd64";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    private final int port;
    private final Path binary;
    private Process process;

    private RedisServer(int port, Path binary) {
        this.port = port;
        this.binary = binary;
    }

    private static final SharedProcess<RedisServer> SHARED =
            new SharedProcess<>(RedisServer::start, RedisServer::kill, "redis-server-stop");

    /**
     * The Redis of the cluster tests, started when none runs. A test class that uses it stops it
     * in {@code @AfterAll} with {@link #stopShared()}: a JVM shutdown hook is only the last resort,
     * as Surefire may halt its JVM before the hooks finish.
     */
    public static RedisServer shared() {
        return SHARED.get();
    }

    /** Stops the shared Redis, if one runs. */
    public static void stopShared() {
        SHARED.stop();
    }

    /** Starts a Redis on the configured port. */
    public static RedisServer start() {
        RedisServer server = new RedisServer(Integer.getInteger("socketee.it.redis.port", 9085), binary());
        server.startProcess();
        return server;
    }

    /** The URL clients use. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Kills the server at once (SIGKILL), as a crash would. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Starts the server again on the same port, empty. */
    public synchronized void restart() {
        kill();
        startProcess();
    }

    @Override
    public synchronized void close() {
        kill();
    }

    /** Whether a Redis answers PING on the port right now. */
    public boolean answers() {
        return answersPing();
    }

    private synchronized void startProcess() {
        if (answersPing()) {
            // a server left over by an earlier run: using it would make kill() and restart() lie
            throw new IllegalStateException("a Redis already answers on port " + port + ": stop it (.ci/run does)"
                    + " or set -Dsocketee.it.redis.port to a free port");
        }
        try {
            Path log = Path.of(System.getProperty("socketee.it.tmpDir", System.getProperty("java.io.tmpdir")))
                    .resolve("redis-" + port + ".log");
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(List.of(binary.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--protected-mode", "no"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (!answersPing() || !process.isAlive()) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("redis-server exited with " + process.exitValue() + "; see " + log);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("redis-server did not answer PING on port " + port + " within "
                            + START_TIMEOUT + "; see " + log);
                }
                Thread.sleep(50);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean answersPing() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            s.setSoTimeout(1000);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] reply = new byte[7];
            int n = s.getInputStream().read(reply);
            return n > 0 && new String(reply, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code redis-server} from PATH, else the embedded build. */
    static Path binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "redis-server");
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String arch = System.getProperty("os.arch");
        if (!System.getProperty("os.name").toLowerCase().contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new IllegalStateException("no redis-server on PATH, and the embedded one is for Linux x86-64 only:"
                    + " install Redis (e.g. apt-get install redis-server)");
        }
        Path target = Path.of(System.getProperty("socketee.it.tmpDir", System.getProperty("java.io.tmpdir")))
                .resolve("redis-bin").resolve("redis-server");
        try (InputStream in = RedisServer.class.getClassLoader().getResourceAsStream(EMBEDDED)) {
            if (in == null) {
                throw new IllegalStateException("no redis-server on PATH and no " + EMBEDDED
                        + " on the test classpath (com.github.codemonstur:embedded-redis)");
            }
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            if (!target.toFile().setExecutable(true)) {
                throw new IllegalStateException("cannot make " + target + " executable");
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
