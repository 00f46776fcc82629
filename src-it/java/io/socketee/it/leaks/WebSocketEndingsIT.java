package io.socketee.it.leaks;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.it.protocol.support.PollingSession;
import io.socketee.it.protocol.support.RawPolling;
import io.socketee.it.protocol.support.RawTcpWebSocket;
import io.socketee.it.protocol.support.SocketEeDeployments;
import io.socketee.it.protocol.support.Wire;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No session outlives its connection, whatever way a WebSocket ends (SocketEE only: the counts
 * come from the test application's {@code /it-stats}). Clients on raw TCP sockets upgrade and join
 * "/" (or probe the upgrade of a polling session), then end in one of many ways: close frames with valid and invalid codes (Open Liberty
 * 26.0.0.3 throws on a code above 4999 and reports nothing to the application), frames a server
 * must refuse (reserved opcode, reserved bits, no mask), a frame cut short, a TCP reset, or
 * silence (no pong). Those that stay connected must see the server end the TCP connection (the
 * heartbeat timeout, 3 s here, ends it at the latest), and afterwards the server's Engine.IO
 * sessions, WebSocket senders, container sessions and sockets come back to where they were.
 * Deadlines are generous: Open Liberty may wait 30 s for the answer to its close frame.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class WebSocketEndingsIT {
    private static final int CLIENTS_PER_ENDING = 10;
    private static final Duration SERVER_ENDS_WITHIN = Duration.ofSeconds(90);
    private static final Duration RELEASED_WITHIN = Duration.ofSeconds(60);
    private static final int OBJECT_SLACK = 2;
    private static final Duration SETUP_READ_TIMEOUT = Duration.ofSeconds(30);

    /**
     * One way for a client to end: what it sends, whether it then leaves or waits for the server,
     * and whether its WebSocket is an upgrade candidate of a polling session rather than a session
     * of its own.
     */
    private record Ending(String name, Consumer<RawTcpWebSocket> act, boolean clientLeaves, boolean upgrading) {
        Ending(String name, Consumer<RawTcpWebSocket> act, boolean clientLeaves) {
            this(name, act, clientLeaves, false);
        }
    }

    private static final byte[] EVENT = "42[\"echo\",\"x\"]".getBytes(StandardCharsets.UTF_8);

    private static final List<Ending> ENDINGS = List.of(
            new Ending("close 1000", ws -> ws.sendClose(1000), false),
            new Ending("close 50730, then silence", ws -> ws.sendClose(50730), false),
            new Ending("close 50730, then TCP close", ws -> ws.sendClose(50730), true),
            new Ending("close 65535", ws -> ws.sendClose(65535), false),
            new Ending("close 5000", ws -> ws.sendClose(5000), false),
            new Ending("close 1005", ws -> ws.sendClose(1005), false),
            new Ending("close 999", ws -> ws.sendClose(999), false),
            new Ending("close 2999", ws -> ws.sendClose(2999), false),
            new Ending("reserved opcode 3", ws -> ws.sendFrame(0x80 | 0x3, EVENT, true), false),
            new Ending("reserved bits", ws -> ws.sendFrame(0x80 | 0x70 | RawTcpWebSocket.TEXT, EVENT, true), false),
            new Ending("unmasked frame", ws -> ws.sendFrame(0x80 | RawTcpWebSocket.TEXT, EVENT, false), false),
            new Ending("frame cut short", ws -> ws.sendBytes(new byte[] {(byte) 0x81, (byte) (0x80 | 100), 1, 2, 3, 4,
                    5, 6, 7}), false),
            new Ending("invalid UTF-8 in a text frame", ws -> ws.sendFrame(0x80 | RawTcpWebSocket.TEXT,
                    new byte[] {'4', '2', (byte) 0xc3, (byte) 0x28}, true), false),
            new Ending("a lone surrogate in a text frame", ws -> ws.sendFrame(0x80 | RawTcpWebSocket.TEXT,
                    new byte[] {'4', '2', (byte) 0xed, (byte) 0xa0, (byte) 0x80}, true), false),
            new Ending("an unfinished fragment, then a new text frame", ws -> {
                ws.sendFrame(RawTcpWebSocket.TEXT, "42[".getBytes(StandardCharsets.UTF_8), true);
                ws.sendFrame(0x80 | RawTcpWebSocket.TEXT, EVENT, true);
            }, false),
            new Ending("an unfinished fragment, then silence", ws -> ws.sendFrame(RawTcpWebSocket.TEXT,
                    "42[".getBytes(StandardCharsets.UTF_8), true), false),
            new Ending("a continuation with nothing to continue", ws -> ws.sendFrame(0x80, EVENT, true), false),
            new Ending("a binary frame nobody announced", ws -> ws.sendFrame(0x82, new byte[] {1, 2, 3}, true), false),
            new Ending("TCP reset", RawTcpWebSocket::reset, true),
            new Ending("TCP close without close frame", RawTcpWebSocket::close, true),
            new Ending("silence: no pong", ws -> { }, false),
            new Ending("upgrade probe, then close 50730", ws -> ws.sendClose(50730), false, true));

    @ArquillianResource
    private URL base;

    private ServerStats stats;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return SocketEeDeployments.testApp();
    }

    @Test
    public void everyWayAWebSocketEndsReleasesItsSessionAndItsSocket() throws Exception {
        URI socketIo = SocketEeDeployments.socketIoBase(base);
        stats = new ServerStats(base);
        oneCleanConnection(socketIo); // loads what the first connection loads
        Map<String, Long> before = stats.now();
        assertTrue(before.values().stream().allMatch(v -> v >= 0), () -> "the server cannot count: " + before);

        ExecutorService threads = Executors.newCachedThreadPool();
        Map<String, List<CompletableFuture<Long>>> ended = new LinkedHashMap<>();
        try {
            for (Ending ending : ENDINGS) {
                List<CompletableFuture<Long>> clients = new ArrayList<>();
                for (int i = 0; i < CLIENTS_PER_ENDING; i++) {
                    RawTcpWebSocket ws = opened(socketIo, ending, i);
                    ending.act().accept(ws);
                    clients.add(CompletableFuture.supplyAsync(() -> millisUntilServerEnd(ws, ending), threads));
                }
                ended.put(ending.name(), clients);
            }
            Map<String, Long> notEnded = new LinkedHashMap<>();
            Map<String, Long> slowest = new LinkedHashMap<>();
            ended.forEach((name, clients) -> {
                List<Long> millis = clients.stream().map(CompletableFuture::join).toList();
                notEnded.put(name, millis.stream().filter(ms -> ms < 0).count());
                slowest.put(name, millis.stream().mapToLong(Long::longValue).max().orElse(0));
            });
            notEnded.values().removeIf(n -> n == 0);
            Map<String, Long> after = awaitBackTo(before);
            System.out.printf("WebSocketEndingsIT: %d clients, before %s, after %s, not ended %s,"
                    + " slowest end in ms %s%n", ENDINGS.size() * CLIENTS_PER_ENDING, before, after, notEnded, slowest);
            assertAll(() -> assertEquals(Map.of(), notEnded,
                            "connections the server did not end within " + SERVER_ENDS_WITHIN),
                    () -> assertTrue(isBack(before, after),
                            "not released within " + RELEASED_WITHIN + ": before " + before + ", after " + after));
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * How long the server took to end the TCP connection after the client's ending (0 when the
     * client leaves itself), or -1 when it did not within {@link #SERVER_ENDS_WITHIN}.
     */
    private static long millisUntilServerEnd(RawTcpWebSocket ws, Ending ending) {
        try (ws) {
            long start = System.nanoTime();
            if (ending.clientLeaves()) {
                return 0;
            }
            return ws.awaitServerEnd(SERVER_ENDS_WITHIN) ? (System.nanoTime() - start) / 1_000_000 : -1;
        }
    }

    /**
     * The {@code index}th client of {@code ending}, connected or probing; a failure names them.
     * The server may still be busy with the clients already ended (and, on a loaded machine,
     * with a previous test), so each read may take {@link #SETUP_READ_TIMEOUT}: this test is
     * about what is released, not how fast a connection opens.
     */
    private static RawTcpWebSocket opened(URI socketIo, Ending ending, int index) {
        try {
            return ending.upgrading() ? probing(socketIo) : connected(socketIo);
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError("opening client " + index + " of \"" + ending.name() + "\": " + e, e);
        }
    }

    /** A client upgraded to WebSocket and connected to "/". */
    private static RawTcpWebSocket connected(URI socketIo) {
        RawTcpWebSocket ws = RawTcpWebSocket.open(socketIo, "EIO=4&transport=websocket", SETUP_READ_TIMEOUT);
        Wire.assertMasked(Wire.OPEN_WEBSOCKET, ws.nextText());
        ws.sendText("40");
        Wire.assertMasked("40{\"sid\":\"<sid>\"}", ws.nextText());
        return ws;
    }

    /** A WebSocket probing the upgrade of a new polling session (its {@code 2probe} answered). */
    private static RawTcpWebSocket probing(URI socketIo) {
        PollingSession polling = PollingSession.v4(new RawPolling(socketIo));
        RawTcpWebSocket ws = RawTcpWebSocket.open(socketIo, "EIO=4&transport=websocket&sid=" + polling.sid(),
                SETUP_READ_TIMEOUT);
        ws.sendText("2probe");
        assertEquals("3probe", ws.nextText());
        return ws;
    }

    private static void oneCleanConnection(URI socketIo) {
        try (RawTcpWebSocket ws = connected(socketIo)) {
            ws.sendClose(1000);
            assertTrue(ws.awaitServerEnd(SERVER_ENDS_WITHIN), "a clean close ends the connection");
        }
    }

    /** Polls the stats until every count is back to {@code before} or the deadline passes; the last stats. */
    private Map<String, Long> awaitBackTo(Map<String, Long> before) throws InterruptedException {
        return stats.awaitUntil(now -> isBack(before, now), RELEASED_WITHIN);
    }

    /**
     * Whether the server is back where it was: no more sockets, and at most {@link #OBJECT_SLACK}
     * more live sessions or senders of each kind. A leak keeps one per connection, so at least
     * {@value #CLIENTS_PER_ENDING} for any ending that leaks; the slack only allows for a container
     * that keeps its last request's objects for a while (seen: one Engine.IO session of a polling
     * handshake still reachable on Open Liberty a minute later).
     */
    private static boolean isBack(Map<String, Long> before, Map<String, Long> now) {
        return now.get("sockets") <= before.get("sockets")
                && List.of("engineSessions", "webSockets", "containerSessions").stream()
                        .allMatch(k -> now.get(k) <= before.get(k) + OBJECT_SLACK);
    }
}
