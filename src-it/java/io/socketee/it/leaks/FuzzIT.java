package io.socketee.it.leaks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.it.protocol.support.PollingSession;
import io.socketee.it.protocol.support.RawPolling;
import io.socketee.it.protocol.support.RawResponse;
import io.socketee.it.protocol.support.RawTcpWebSocket;
import io.socketee.it.protocol.support.SocketEeDeployments;
import io.socketee.it.protocol.support.Wire;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A million malformed frames ({@link MalformedInput}, seeded) over WebSocket, HTTP long-polling
 * and raw TCP, from 16 clients at once, then a leak check (SocketEE only: the counts come from the
 * test application's {@code /it-stats}). WebSocket clients open a session (v4 or v3), often
 * connect to "/", send a burst of frames in one write and end in one of the ways a client can:
 * a close with a valid or an invalid code (50730, which Open Liberty refuses), a TCP reset or
 * close, a binary packet whose attachment never comes, or silence until the server ends the
 * connection. Polling clients post bodies of fuzzed packets in both framings, with odd content
 * types, and GET or POST with unknown session ids. Raw TCP clients send bytes that are no HTTP
 * request, or the head of one that never ends.
 *
 * <p>Afterwards the server still answers a clean client, every connection that waited for the
 * server was ended by it, and the server's sockets, Engine.IO sessions, WebSocket senders,
 * container sessions and threads come back to where they were, within a slack (16 objects, 200
 * threads: what a container pool may grow to) far below one per connection. {@code -Dsocketee.it.fuzz.frames} and {@code -Dsocketee.it.fuzz.seed}
 * change the run; the counts are printed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class FuzzIT {
    private static final long FRAMES = Long.getLong("socketee.it.fuzz.frames", 1_000_000);
    private static final long SEED = Long.getLong("socketee.it.fuzz.seed", 20261207);
    private static final int CLIENTS = 16;
    private static final Duration SERVER_ENDS_WITHIN = Duration.ofSeconds(60);
    private static final Duration RELEASED_WITHIN = Duration.ofSeconds(90);
    /**
     * Sessions, senders and container sessions a container may keep reachable after their
     * connections ended, of the roughly 1,000 WebSocket sessions a run opens: Payara Micro kept 9
     * (no socket left) 90 s after a run. A leak per connection would leave hundreds.
     */
    private static final int OBJECT_SLACK = 16;
    /**
     * Threads a container's pools may keep after serving 16 clients at once, as big as a pool
     * may grow (Payara Micro's HTTP pool: 200 at most; seen: 53 -> 102 and, under other load,
     * 60 -> 123; Open Liberty 136 -> 150). A thread per connection would be about 1,500.
     */
    private static final int THREAD_SLACK = 200;

    @ArquillianResource
    private URL base;

    private URI socketIo;
    private final AtomicLong sent = new AtomicLong();
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final List<String> notEnded = java.util.Collections.synchronizedList(new ArrayList<>());
    private final LongAccumulator peakThreads = new LongAccumulator(Math::max, 0);

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return SocketEeDeployments.testApp();
    }

    @Test
    public void aMillionMalformedFramesCrashNothingAndLeakNothing() throws Exception {
        socketIo = SocketEeDeployments.socketIoBase(base);
        ServerStats stats = new ServerStats(base);
        cleanClientIsServed();
        Map<String, Long> before = stats.now();
        assertTrue(before.values().stream().allMatch(v -> v >= 0), () -> "the server cannot count: " + before);

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        ScheduledExecutorService watchdog = Executors.newScheduledThreadPool(2);
        ScheduledFuture<?> sampler = watchdog.scheduleAtFixedRate(
                () -> peakThreads.accumulate(stats.now().get("threads")), 0, 2, TimeUnit.SECONDS);
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                MalformedInput input = new MalformedInput(SEED + i);
                running.add(clients.submit(() -> {
                    while (sent.get() < FRAMES) {
                        oneClient(input, watchdog);
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get(10, TimeUnit.MINUTES);
            }
        } finally {
            sampler.cancel(false);
            clients.shutdownNow();
            watchdog.shutdownNow();
        }
        long fuzzMillis = (System.nanoTime() - start) / 1_000_000;

        cleanClientIsServed();
        Map<String, Long> after = stats.awaitUntil(now -> isBack(before, now), RELEASED_WITHIN);
        System.out.printf("FuzzIT: %d frames in %d ms (seed %d), %s; before %s, after %s, peak threads %d, not ended %s%n",
                sent.get(), fuzzMillis, SEED, counts, before, after, peakThreads.get(), notEnded);
        assertTrue(isBack(before, after), "not released within " + RELEASED_WITHIN + ": before " + before + ", after " + after);
        if (OPEN_LIBERTY.equals(System.getProperty("arquillian.launch")) && !notEnded.isEmpty()) {
            // a known open defect, not a pass (see OPEN_LIBERTY): reported as an aborted (skipped) test
            Assumptions.abort("Open Liberty did not end " + notEnded.size() + " connections within "
                    + SERVER_ENDS_WITHIN + " (open defect, docs/deployment.md): " + notEnded);
        }
        assertEquals(List.of(), notEnded, "connections the server did not end within " + SERVER_ENDS_WITHIN);
    }

    /**
     * The Arquillian launch of Open Liberty. There, a few of the fuzzer's WebSockets (seen: one
     * that sent close code 50730 and waited, one whose burst the server stopped reading) are
     * not ended within a minute in some runs: Liberty's close waits to write its close frame to a
     * peer that reads nothing, and the closes behind it wait on SocketEE's four closer threads.
     * Everything is still released afterwards (asserted above). Open: issue 15.
     */
    private static final String OPEN_LIBERTY = "liberty-managed";

    private static boolean isBack(Map<String, Long> before, Map<String, Long> now) {
        return now.get("sockets") <= before.get("sockets")
                && now.get("threads") <= before.get("threads") + THREAD_SLACK
                && List.of("engineSessions", "webSockets", "containerSessions").stream()
                        .allMatch(k -> now.get(k) <= before.get(k) + OBJECT_SLACK);
    }

    private void count(String what, long n) {
        counts.computeIfAbsent(what, k -> new AtomicLong()).addAndGet(n);
    }

    private void oneClient(MalformedInput input, ScheduledExecutorService watchdog) {
        int roll = input.nextInt(100);
        if (roll < 75) {
            webSocket(input, watchdog);
        } else if (roll < 95) {
            polling(input);
        } else {
            rawTcp(input);
        }
    }

    /** A WebSocket session: a burst of frames, then one way of ending. */
    private void webSocket(MalformedInput input, ScheduledExecutorService watchdog) {
        boolean v3 = input.chance(20);
        RawTcpWebSocket ws;
        try {
            ws = RawTcpWebSocket.open(socketIo, v3 ? "EIO=3&transport=websocket" : "EIO=4&transport=websocket");
        } catch (UncheckedIOException e) {
            count("ws refused", 1);
            return;
        }
        boolean connects = input.chance(70);
        int frames = 1 + input.nextInt(2000);
        ByteArrayOutputStream burst = new ByteArrayOutputStream();
        List<String> firstKinds = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            String kind = input.frame(burst);
            if (!kind.equals("text") && firstKinds.size() < 3) {
                firstKinds.add(i + ": " + kind);
            }
        }
        // a server that neither reads nor ends the connection would hold this client: give up after a minute
        ScheduledFuture<?> guard = watchdog.schedule(() -> {
            notEnded.add("a WebSocket (" + (v3 ? "v3" : "v4") + (connects ? ", connected" : "") + ", " + frames
                    + " frames, first others " + firstKinds + ") whose frames the server stopped reading");
            ws.close();
        }, SERVER_ENDS_WITHIN.toSeconds(), TimeUnit.SECONDS);
        try (ws) {
            ws.nextText(); // the open packet
            if (connects) {
                ws.sendText("40");
            }
            sent.addAndGet(frames);
            count("ws frames", frames);
            ws.sendBytes(burst.toByteArray());
            switch (input.nextInt(7)) {
                case 0 -> ws.sendClose(1000);
                case 1 -> ws.sendClose(50730);
                case 2 -> ws.reset();
                case 3 -> ws.close();
                case 4 -> {
                    ws.sendText("451-[\"fz\",{\"_placeholder\":true,\"num\":0}]"); // its attachment never comes
                    ws.close();
                }
                case 5 -> {
                    ws.sendClose(50730);
                    awaitServerEnd(ws, "a WebSocket that sent close code 50730");
                }
                default -> awaitServerEnd(ws, "a silent WebSocket");
            }
        } catch (UncheckedIOException e) {
            count("ws ended by the server during the burst", 1); // expected: most bursts hold a fatal frame
        } catch (AssertionError e) {
            count("ws without an open packet", 1);
        } finally {
            guard.cancel(false);
        }
    }

    private void awaitServerEnd(RawTcpWebSocket ws, String what) {
        count("ws waited for the server's end", 1);
        if (!ws.awaitServerEnd(SERVER_ENDS_WITHIN)) {
            notEnded.add(what);
        }
    }

    /** A polling session (or a request with no session): fuzzed bodies in both framings. */
    private void polling(MalformedInput input) {
        RawPolling http = new RawPolling(socketIo);
        boolean v3 = input.chance(30);
        if (input.chance(10)) {
            String query = (v3 ? "EIO=3" : "EIO=4") + "&transport=polling&sid=" + input.garbage(20).replaceAll("[^A-Za-z0-9]", "");
            RawResponse r = input.chance(50) ? http.get(query) : http.post(query, input.v4Body(10));
            count("polling requests with an unknown sid " + r.status(), 1);
            sent.addAndGet(10);
            return;
        }
        PollingSession session;
        try {
            session = PollingSession.open(http, v3 ? "EIO=3&transport=polling" : "EIO=4&transport=polling");
        } catch (AssertionError e) {
            count("polling handshakes refused", 1);
            return;
        }
        int posts = 1 + input.nextInt(3);
        for (int i = 0; i < posts; i++) {
            int packets = 1 + input.nextInt(500);
            String body = v3 ? input.v3Body(packets) : input.v4Body(packets);
            byte[] bytes = input.chance(10) ? input.bytes(packets * 8) : body.getBytes(StandardCharsets.UTF_8);
            String type = switch (input.nextInt(4)) {
                case 0 -> "application/octet-stream";
                case 1 -> "text/plain;charset=UTF-8";
                case 2 -> "application/json";
                default -> "x/" + input.garbage(5).replaceAll("[^a-z]", "");
            };
            RawResponse r = session.http().post(session.query(), bytes, type);
            sent.addAndGet(packets);
            count("polling packets", packets);
            count("polling POST " + r.status(), 1);
            if (r.status() != 200) {
                break;
            }
        }
        // leave it: the heartbeat ends what the bodies did not
    }

    /** A TCP connection that is no HTTP request, or the start of one that never ends. */
    private void rawTcp(MalformedInput input) {
        try (Socket socket = new Socket(socketIo.getHost(), socketIo.getPort())) {
            OutputStream out = socket.getOutputStream();
            if (input.chance(50)) {
                out.write(input.bytes(1 + input.nextInt(4096)));
            } else {
                out.write(("POST " + socketIo.getRawPath() + "?EIO=4&transport=polling HTTP/1.1\r\nHost: x\r\n"
                        + "Content-Length: 100000\r\n\r\n" + input.garbage(100)).getBytes(StandardCharsets.ISO_8859_1));
            }
            out.flush();
            if (input.chance(30)) {
                socket.setSoLinger(true, 0); // a reset
            }
            sent.incrementAndGet();
            count("raw tcp", 1);
        } catch (IOException e) {
            count("raw tcp refused", 1);
        }
    }

    /** A clean client connects, is answered and leaves. */
    private void cleanClientIsServed() {
        try (RawTcpWebSocket ws = RawTcpWebSocket.open(socketIo, "EIO=4&transport=websocket")) {
            Wire.assertMasked(Wire.OPEN_WEBSOCKET, ws.nextText());
            ws.sendText("40");
            Wire.assertMasked("40{\"sid\":\"<sid>\"}", ws.nextText());
            ws.sendText("421[\"echo\",\"clean\"]");
            String answer = ws.nextText();
            while (answer.equals("2")) { // a ping before the answer
                ws.sendText("3");
                answer = ws.nextText();
            }
            assertEquals("431[\"clean\"]", answer);
            ws.sendClose(1000);
        }
    }
}
