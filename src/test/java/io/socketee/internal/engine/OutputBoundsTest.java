package io.socketee.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The bounds on what waits for one client: bytes ({@code maxBufferedBytes}) and progress
 * ({@code writeTimeout}), on both transports, with a clock the test moves by hand.
 */
class OutputBoundsTest {
    private static final Duration TIMEOUT = Duration.ofMillis(1000);

    private final AtomicLong now = new AtomicLong(1_000_000);

    private EngineFixture fixture(long maxBytes) {
        return new EngineFixture(EngineOptions.DEFAULTS.withOutputBounds(maxBytes, TIMEOUT), now::get);
    }

    /** A WebSocket session whose peer has read the open packet. */
    private static String openWebSocket(EngineFixture f, EngineFixture.Channel ws) throws Exception {
        f.server.acceptWebSocket(EngineFixture.wsRequest("EIO=4&transport=websocket"), ws);
        return ((String) ws.next()).substring(9, 29);
    }

    private static String text(int chars) {
        return "x".repeat(chars);
    }

    @Test
    void aWebSocketPeerThatDoesNotReadIsDroppedWhenItsOutputWouldPassTheLimit() throws Exception {
        try (EngineFixture f = fixture(100)) {
            EngineFixture.Channel ws = new EngineFixture.Channel();
            String sid = openWebSocket(f, ws);
            EngineSocket socket = f.connections.take();
            ws.stopReading();
            for (int i = 0; i < 9; i++) {
                socket.sendText(text(10)); // 11 bytes a frame with its type
            }
            assertTrue(socket.isOpen(), "99 bytes waiting fit in 100");
            assertNull(ws.abortedWith);

            socket.sendText(text(10));
            assertEquals("close:transport error", f.nextEvent(sid));
            assertEquals("1008 output not read", ws.abortedWith, "closed without waiting for the queue");
            assertEquals(0, ws.pendingBytes(), "what waited is released");
            assertEquals(0, f.server.clientsCount(), "nothing of the session is kept");
            socket.sendText("after");
            assertFalse(ws.drain().contains("4after"), "a dropped client is sent nothing more");
        }
    }

    /**
     * A server close queues its close frame behind the output; when the peer reads none of it
     * for the write timeout, the connection is aborted, so that it never outlives its session.
     */
    @Test
    void aServerCloseThatTheOutputHoldsBackIsAbortedAfterTheWriteTimeout() throws Exception {
        try (EngineFixture f = fixture(1_000_000)) {
            EngineFixture.Channel ws = new EngineFixture.Channel();
            String sid = openWebSocket(f, ws);
            EngineSocket socket = f.connections.take();
            ws.stopReading();
            socket.sendText(text(10));
            socket.close();
            assertEquals("close:forced close", f.nextEvent(sid));
            assertEquals("4" + text(10), ws.next());
            assertEquals("<close 1000>", ws.next());
            assertEquals("<abort 1000>", ws.next(), "aborted after " + TIMEOUT + " without progress");
            assertEquals(0, ws.pendingBytes());
        }
    }

    @Test
    void aPeerThatReadsIsNeverDroppedHoweverMuchIsSent() throws Exception {
        try (EngineFixture f = fixture(100)) {
            EngineFixture.Channel ws = new EngineFixture.Channel();
            openWebSocket(f, ws);
            EngineSocket socket = f.connections.take();
            for (int i = 0; i < 1000; i++) {
                socket.sendText(text(10));
            }
            assertTrue(socket.isOpen());
            assertEquals(1000, ws.drain().size());
        }
    }

    @Test
    void onePacketLargerThanTheLimitGoesOutWhenNothingWaits() throws Exception {
        try (EngineFixture f = fixture(100)) {
            EngineFixture.Channel ws = new EngineFixture.Channel();
            String sid = openWebSocket(f, ws);
            EngineSocket socket = f.connections.take();
            ws.stopReading();
            socket.sendText(text(500));
            assertTrue(socket.isOpen(), "the first one is taken");
            assertEquals("4" + text(500), ws.next());

            socket.sendText("a");
            assertEquals("close:transport error", f.nextEvent(sid), "nothing more fits behind it");
        }
    }

    @Test
    void aWebSocketWhoseOutputMakesNoProgressForTheWriteTimeoutIsDropped() throws Exception {
        try (EngineFixture f = fixture(1 << 20)) {
            EngineFixture.Channel ws = new EngineFixture.Channel();
            String sid = openWebSocket(f, ws);
            EngineSocket socket = f.connections.take();
            ws.stopReading();
            socket.sendText("stuck");
            f.server.dropStalledClients();
            now.addAndGet(TIMEOUT.toMillis() - 1);
            f.server.dropStalledClients();
            assertTrue(socket.isOpen(), "one millisecond short of the timeout");

            now.addAndGet(1);
            f.server.dropStalledClients();
            assertEquals("close:transport error", f.nextEvent(sid));
            assertEquals("1008 output not read", ws.abortedWith);
            assertEquals(0, f.server.clientsCount());
        }
    }

    /** New packets queued behind a stuck write are not progress: only written ones are. */
    @Test
    void aStalledWebSocketThatKeepsGettingMessagesIsStillDroppedAtTheDeadline() throws Exception {
        try (EngineFixture f = fixture(1 << 20)) {
            EngineFixture.Channel ws = new EngineFixture.Channel();
            String sid = openWebSocket(f, ws);
            EngineSocket socket = f.connections.take();
            ws.stopReading();
            for (int ms = 0; ms < TIMEOUT.toMillis(); ms += 100) {
                socket.sendText("more at " + ms);
                f.server.dropStalledClients();
                now.addAndGet(100);
            }
            f.server.dropStalledClients();
            assertEquals("close:transport error", f.nextEvent(sid));
        }
    }

    @Test
    void progressRestartsTheWriteDeadline() throws Exception {
        try (EngineFixture f = fixture(1 << 20)) {
            EngineFixture.Channel ws = new EngineFixture.Channel();
            String sid = openWebSocket(f, ws);
            EngineSocket socket = f.connections.take();
            ws.stopReading();
            socket.sendText("one");
            f.server.dropStalledClients();
            now.addAndGet(900);
            ws.readAll();
            socket.sendText("two");
            f.server.dropStalledClients(); // sees the progress at 900
            now.addAndGet(900);
            f.server.dropStalledClients();
            assertTrue(socket.isOpen(), "900 ms since the last progress");

            now.addAndGet(100);
            f.server.dropStalledClients();
            assertEquals("close:transport error", f.nextEvent(sid));
        }
    }

    /** The sweep's first sight of a session starts its clock; no earlier time counts. */
    @Test
    void aNewSessionWhoseFirstFrameIsStillBeingWrittenIsNotStalledAtFirstSight() throws Exception {
        try (EngineFixture f = fixture(1 << 20)) {
            EngineFixture.Channel ws = new EngineFixture.Channel();
            ws.stopReading(); // the open packet stays in flight
            f.server.acceptWebSocket(EngineFixture.wsRequest("EIO=4&transport=websocket"), ws);
            EngineSession session = (EngineSession) f.connections.take();
            long timeout = TIMEOUT.toMillis();
            assertFalse(session.stalled(now.get(), timeout), "seen for the first time: not late yet");
            assertFalse(session.stalled(now.get() + timeout - 1, timeout));
            assertTrue(session.stalled(now.get() + timeout, timeout), "a whole timeout later it is");
        }
    }

    @Test
    void aConnectionWithNothingWaitingIsNeverStalled() throws Exception {
        try (EngineFixture f = fixture(1 << 20)) {
            EngineFixture.Channel ws = new EngineFixture.Channel();
            openWebSocket(f, ws);
            EngineSocket socket = f.connections.take();
            ws.stopReading();
            f.server.dropStalledClients();
            now.addAndGet(10 * TIMEOUT.toMillis());
            f.server.dropStalledClients();
            assertTrue(socket.isOpen(), "a quiet client is not a slow one");
            assertNull(ws.abortedWith);
        }
    }

    @Test
    void aPollingClientThatStopsPollingIsDroppedWhenItsOutputWouldPassTheLimit() throws Exception {
        try (EngineFixture f = fixture(100)) {
            String sid = f.handshake("4");
            EngineSocket socket = f.connections.take();
            for (int i = 0; i < 9; i++) {
                socket.sendText(text(10));
            }
            assertTrue(socket.isOpen(), "99 bytes wait for the next GET");
            socket.sendText(text(10));
            assertEquals("close:transport error", f.nextEvent(sid));
            assertEquals(0, f.server.clientsCount(), "nothing of the session is kept");
            assertEquals(400, f.get("EIO=4&transport=polling&sid=" + sid).await().status(),
                    "the session is gone for a late GET");
        }
    }

    @Test
    void aPollingClientThatStopsPollingWhileDataWaitsIsDroppedAfterTheWriteTimeout() throws Exception {
        try (EngineFixture f = fixture(1 << 20)) {
            String sid = f.handshake("4");
            EngineSocket socket = f.connections.take();
            socket.sendText("waits for a GET");
            f.server.dropStalledClients();
            now.addAndGet(TIMEOUT.toMillis() - 1);
            f.server.dropStalledClients();
            assertTrue(socket.isOpen());

            now.addAndGet(1);
            f.server.dropStalledClients();
            assertEquals("close:transport error", f.nextEvent(sid));
        }
    }

    @Test
    void aPollingClientThatKeepsPollingIsNotStalled() throws Exception {
        try (EngineFixture f = fixture(1 << 20)) {
            String sid = f.handshake("4");
            EngineSocket socket = f.connections.take();
            for (int i = 0; i < 5; i++) {
                socket.sendText("m" + i);
                f.server.dropStalledClients();
                now.addAndGet(TIMEOUT.toMillis() - 1);
                assertEquals("4m" + i, f.get("EIO=4&transport=polling&sid=" + sid).await().text());
                f.server.dropStalledClients();
            }
            assertTrue(socket.isOpen(), "each GET took what waited");
        }
    }

    @Test
    void volatileWritesStopAboveTheLowWaterMarkAndResumeBelowIt() throws Exception {
        try (EngineFixture f = fixture(1000)) {
            EngineFixture.Channel ws = new EngineFixture.Channel();
            openWebSocket(f, ws);
            EngineSocket socket = f.connections.take();
            ws.stopReading();
            socket.sendText(text(100));
            assertTrue(socket.writable(), "101 bytes waiting, under half of 1000");
            socket.sendText(text(450));
            assertFalse(socket.writable(), "552 bytes waiting, over half of 1000");
            ws.readAll();
            assertTrue(socket.writable());
            assertTrue(socket.isOpen());
        }
    }

    @Test
    void theSweepRunsAQuarterOfTheTimeoutApartWithinBounds() {
        assertEquals(50, EngineServer.sweepInterval(100));
        assertEquals(250, EngineServer.sweepInterval(1000));
        assertEquals(1000, EngineServer.sweepInterval(20_000));
    }
}
