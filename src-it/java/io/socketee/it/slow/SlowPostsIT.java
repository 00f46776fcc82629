package io.socketee.it.slow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.it.protocol.support.PollingSession;
import io.socketee.it.protocol.support.RawHttpConnection;
import io.socketee.it.protocol.support.RawPolling;
import io.socketee.it.protocol.support.RawWebSocket;
import io.socketee.it.protocol.support.SocketEeDeployments;
import io.socketee.it.protocol.support.Wire;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Slowloris on the polling transport: 200 sessions each hold a chunked POST that sent one chunk
 * and then nothing. Their bodies are read with the Servlet non-blocking API, so the server's
 * thread count does not grow with them and a new client still connects; when their connections
 * drop, their sessions end at once ("transport error"), long before the heartbeat would notice
 * (60 s + 60 s here). The server's figures come from the test application's {@code server-stats}
 * event ({@code FloodProbe}), so this runs against SocketEE only.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class SlowPostsIT {

    private static final int POSTS = 200;
    /** Threads a server may start meanwhile for reasons of its own (timers, housekeeping). */
    private static final int THREAD_SLACK = 20;
    private static final Duration GENEROUS = Duration.ofSeconds(30);
    private static final Pattern STAT = Pattern.compile("\"(threads|fds|sockets)\":(-?\\d+)");

    @ArquillianResource
    private URL deploymentUrl;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return SocketEeDeployments.withSettings("socketee-it-slowposts.war",
                Map.of("socketio.pingInterval", "60000", "socketio.pingTimeout", "60000",
                        "socketio.connectTimeout", "60000")); // no session ends on its own during the test
    }

    @Test
    public void unfinishedPostsHoldNoThreadAndEndTheirSessionsWhenTheyDrop() {
        URI base = SocketEeDeployments.socketIoBase(deploymentUrl);
        RawPolling http = new RawPolling(base);
        try (RawWebSocket probe = RawWebSocket.open(base, "EIO=4&transport=websocket")) {
            probe.nextText();
            probe.send("40");
            probe.nextTextAnsweringPings();
            // opened 50 at a time: a burst of quick requests lets the server's pool grow to what
            // it grows to anyway, so what comes after is measured against that
            List<PollingSession> sessions = openConnected(http, POSTS, 50);
            Map<String, Long> before = stats(probe);

            List<RawHttpConnection> posts = new ArrayList<>();
            try {
                for (PollingSession session : sessions) {
                    RawHttpConnection post = RawHttpConnection.open(base);
                    post.write(post.head("POST", session.query(), "Content-Type: text/plain;charset=UTF-8",
                            "Transfer-Encoding: chunked") + "5\r\n42[\"e\r\n");
                    posts.add(post);
                }
                // the test's own idle HTTP connections may close meanwhile: a few short is still all of them
                awaitStat(probe, "fds", fds -> fds >= before.get("fds") + POSTS - 20,
                        "the server holds the connections (fds before: " + before.get("fds") + ")");
                long threads = 0;
                for (int i = 0; i < 5; i++) { // the largest of a few looks, 2 s in all
                    pauseMillis(400);
                    threads = Math.max(threads, stats(probe).get("threads"));
                }
                assertTrue(threads <= before.get("threads") + THREAD_SLACK,
                        "threads " + before.get("threads") + " -> " + threads + " with " + POSTS + " unfinished POSTs");

                long start = System.nanoTime();
                PollingSession late = PollingSession.v4(http);
                Wire.assertMasked("40{\"sid\":\"<sid>\"}", late.connectMain());
                System.out.printf("SlowPostsIT: threads %d -> %d, a new client connected in %d ms%n",
                        before.get("threads"), threads, (System.nanoTime() - start) / 1_000_000);
            } finally {
                posts.forEach(RawHttpConnection::close);
            }
            awaitStat(probe, "sockets", s -> s <= before.get("sockets") - POSTS + 1,
                    "the sessions whose POST dropped are closed");
        }
    }

    private static List<PollingSession> openConnected(RawPolling http, int count, int atOnce) {
        ExecutorService clients = Executors.newFixedThreadPool(atOnce);
        try {
            List<Future<PollingSession>> opening = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                opening.add(clients.submit(() -> {
                    PollingSession session = PollingSession.v4(http);
                    session.connectMain();
                    return session;
                }));
            }
            List<PollingSession> sessions = new ArrayList<>();
            for (Future<PollingSession> session : opening) {
                sessions.add(session.get(GENEROUS.toSeconds(), TimeUnit.SECONDS));
            }
            return sessions;
        } catch (ExecutionException e) {
            throw new AssertionError("a session did not open: " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("sessions did not open within " + GENEROUS, e);
        } finally {
            clients.shutdownNow();
        }
    }

    private static Map<String, Long> stats(RawWebSocket probe) {
        probe.send("42999[\"server-stats\"]");
        String answer = probe.nextTextAnsweringPings();
        assertTrue(answer.startsWith("43999["), answer);
        Map<String, Long> stats = new java.util.HashMap<>();
        for (Matcher m = STAT.matcher(answer); m.find();) {
            stats.put(m.group(1), Long.parseLong(m.group(2)));
        }
        assertEquals(3, stats.size(), answer);
        return stats;
    }

    private static void awaitStat(RawWebSocket probe, String name, java.util.function.LongPredicate ok, String what) {
        long deadline = System.nanoTime() + GENEROUS.toNanos();
        long last = stats(probe).get(name);
        while (!ok.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": " + name + " still " + last + " after " + GENEROUS);
            }
            pauseMillis(200);
            last = stats(probe).get(name);
        }
    }

    private static void pauseMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
