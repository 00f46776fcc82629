package io.socketee.it.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.management.JMException;
import javax.management.ObjectName;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Test-only leak probe, SocketEE only: {@code GET /it-stats} answers a JSON object with the
 * server process's open file descriptors ({@code fds}) and TCP sockets among them
 * ({@code sockets}), from {@code /proc/self/fd}, its live threads ({@code threads}), and the live instances, after a full collection
 * (the JVM's class histogram), of SocketEE's Engine.IO sessions ({@code engineSessions}), of its
 * WebSocket senders, one per accepted WebSocket ({@code webSockets}), and of the container's
 * WebSocket sessions ({@code containerSessions}: Open Liberty's, Tyrus's or Undertow's). Every
 * count is -1 when the platform cannot tell.
 *
 * <p>Stateless and thread-safe.
 */
@WebServlet("/it-stats")
public class StatsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String ENGINE_SESSION = "io.socketee.internal.engine.EngineSession";
    private static final String SENDER = "io.socketee.internal.transport.websocket.SerialSender";
    private static final List<String> CONTAINER_SESSIONS = List.of("com.ibm.ws.wsoc.external.SessionExt",
            "com.ibm.ws.wsoc.external.v11.SessionExtV11",
            "org.glassfish.tyrus.core.TyrusSession", "io.undertow.websockets.jsr.UndertowSession");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Long> stats = new LinkedHashMap<>();
        List<Path> fds = descriptors();
        stats.put("fds", fds == null ? -1L : fds.size());
        stats.put("sockets", fds == null ? -1L : fds.stream().filter(StatsServlet::isSocket).count());
        stats.put("threads", (long) ManagementFactory.getThreadMXBean().getThreadCount());
        Map<String, Long> live = liveInstances();
        stats.put("engineSessions", live == null ? -1L : live.getOrDefault(ENGINE_SESSION, 0L));
        stats.put("webSockets", live == null ? -1L : live.getOrDefault(SENDER, 0L));
        stats.put("containerSessions", live == null ? -1L
                : CONTAINER_SESSIONS.stream().mapToLong(c -> live.getOrDefault(c, 0L)).sum());
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(stats.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}")));
    }

    private static List<Path> descriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.collect(Collectors.toList());
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isSocket(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString().startsWith("socket:");
        } catch (IOException e) {
            return false; // closed meanwhile
        }
    }

    /** Live instances per class name (summed over class loaders), from the class histogram. */
    private static Map<String, Long> liveInstances() {
        String histogram;
        try {
            histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
        } catch (JMException | RuntimeException e) {
            return null;
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String line : histogram.split("\n")) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length >= 4 && cols[0].endsWith(":")) {
                counts.merge(cols[3], Long.parseLong(cols[1]), Long::sum);
            }
        }
        return counts;
    }
}
