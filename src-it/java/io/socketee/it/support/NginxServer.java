package io.socketee.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's nginx ({@code /usr/sbin/nginx}, installed by {@code .ci/install-system-packages}),
 * started in the foreground with the project's {@code server-config/nginx/socketee.conf}, its
 * upstream servers and listen port replaced by the test's, everything else as users get it.
 *
 * <p>Thread-safe: the process is only started and stopped.
 */
public final class NginxServer implements AutoCloseable {
    private static final Path NGINX = Path.of("/usr/sbin/nginx");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    private final Process process;
    private final int port;

    private NginxServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts nginx on {@code port}, proxying to {@code upstreams} ("host:port" each). */
    public static NginxServer start(int port, List<String> upstreams) {
        if (!Files.isExecutable(NGINX)) {
            throw new IllegalStateException(NGINX + " is missing: run .ci/install-system-packages (Debian package nginx)");
        }
        Path config = Path.of(System.getProperty("socketee.serverConfig", "server-config"), "nginx", "socketee.conf");
        Path dir = Path.of(System.getProperty("socketee.it.tmpDir", System.getProperty("java.io.tmpdir")), "nginx-" + port);
        try {
            Files.createDirectories(dir);
            String site = Files.readString(config);
            Matcher upstream = Pattern.compile("(upstream socketee \\{\\s*ip_hash;)[^}]*\\}").matcher(site);
            if (!upstream.find()) {
                throw new IllegalStateException(config + " has no 'upstream socketee { ip_hash; ... }' block");
            }
            StringBuilder servers = new StringBuilder(upstream.group(1)).append('\n');
            upstreams.forEach(u -> servers.append("    server ").append(u).append(";\n"));
            site = upstream.replaceFirst(Matcher.quoteReplacement(servers + "}"))
                    .replaceFirst("listen 80;", "listen 127.0.0.1:" + port + ";");
            Files.writeString(dir.resolve("socketee.conf"), site);
            Files.writeString(dir.resolve("nginx.conf"), String.join("\n",
                    "worker_processes 1;",
                    "error_log " + dir.resolve("error.log") + " info;",
                    "pid " + dir.resolve("nginx.pid") + ";",
                    "events { worker_connections 256; }",
                    "http {",
                    "    access_log " + dir.resolve("access.log") + ";",
                    "    client_body_temp_path " + dir.resolve("body") + ";",
                    "    proxy_temp_path " + dir.resolve("proxy") + ";",
                    "    include " + dir.resolve("socketee.conf") + ";",
                    "}", ""));
            Process process = new ProcessBuilder(NGINX.toString(), "-p", dir.toString(), "-c",
                    dir.resolve("nginx.conf").toString(), "-g", "daemon off;")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
            NginxServer server = new NginxServer(process, port);
            server.awaitListening(dir);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String origin() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitListening(Path dir) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited with " + process.exitValue() + "; see " + dir);
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        close();
        throw new IllegalStateException("nginx did not listen on " + port + " within " + START_TIMEOUT + "; see " + dir);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
