package io.socketee.it.leaks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socketee.it.support.ItServer;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test application's leak probe ({@code GET /it-stats}, {@code io.socketee.it.app.StatsServlet}):
 * the server's descriptors, sockets, threads and live Engine.IO sessions, WebSocket senders and
 * container WebSocket sessions, read from the test client.
 *
 * <p>Thread-safe: the HTTP client is.
 */
final class ServerStats {
    private static final Pattern STAT = Pattern.compile("\"(\\w+)\":(-?\\d+)");

    private final URL base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    ServerStats(URL base) {
        this.base = base;
    }

    /** The counts now. */
    Map<String, Long> now() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(ItServer.resolve(base, "it-stats")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r::body);
            Map<String, Long> stats = new LinkedHashMap<>();
            Matcher m = STAT.matcher(r.body());
            while (m.find()) {
                stats.put(m.group(1), Long.parseLong(m.group(2)));
            }
            return stats;
        } catch (IOException e) {
            throw new AssertionError("no stats: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Reads the counts every second until {@code back} holds or {@code within} passes; the last counts. */
    Map<String, Long> awaitUntil(Predicate<Map<String, Long>> back, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        Map<String, Long> now = now();
        while (System.nanoTime() < deadline && !back.test(now)) {
            Thread.sleep(1000);
            now = now();
        }
        return now;
    }
}
