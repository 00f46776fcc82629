package io.socketee.internal.sio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A binary packet waiting for its attachments is bounded: in count at its header, in the bytes
 * its attachments hold, and in how long they may take; breaking any bound closes the connection
 * as a malformed packet does, and frees what the packet held.
 */
class PartialPacketTest {
    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final String THREE_ATTACHMENTS = "53-[\"bin\",{\"_placeholder\":true,\"num\":0},"
            + "{\"_placeholder\":true,\"num\":1},{\"_placeholder\":true,\"num\":2}]";

    private final SioFixture fx = new SioFixture(new SioOptions(Duration.ofSeconds(3), 10, 64)
            .withPartialPackets(new SioOptions.PartialPackets(100, DEADLINE)));
    private final List<String> disconnects = new ArrayList<>();
    private final List<Object> received = new ArrayList<>();

    PartialPacketTest() {
        fx.server.onConnection(socket -> {
            socket.onDisconnect((s, reason) -> disconnects.add(reason.wireName()));
            socket.on("bin", (s, args, ack) -> received.add(args.size()));
        });
    }

    @Test
    void headerAnnouncingMoreThanTheLimitClosesTheConnection() {
        FakeEngineSocket conn = fx.connectV5("/");
        conn.receive("511-[\"bin\"]");
        assertEquals("forced close", conn.closedWith());
        assertEquals(List.of("forced close"), disconnects);
    }

    @Test
    void attachmentsWithinTheByteBoundMakeThePacket() {
        FakeEngineSocket conn = fx.connectV5("/");
        conn.receive(THREE_ATTACHMENTS);
        conn.receive(new byte[40]);
        conn.receive(new byte[40]);
        conn.receive(new byte[20]);
        assertEquals(List.of(3), received);
        assertNull(conn.closedWith());
    }

    @Test
    void attachmentsPassingTheByteBoundCloseTheConnection() {
        FakeEngineSocket conn = fx.connectV5("/");
        conn.receive(THREE_ATTACHMENTS);
        conn.receive(new byte[60]);
        conn.receive(new byte[41]);
        assertEquals("forced close", conn.closedWith());
        assertEquals(List.of("forced close"), disconnects);
        assertEquals(List.of(), received);
        assertEquals(0, fx.scheduler.pending(), "the deadline is cancelled with the connection");
    }

    @Test
    void withheldAttachmentClosesTheConnectionAtTheDeadline() {
        FakeEngineSocket conn = fx.connectV5("/");
        conn.receive(THREE_ATTACHMENTS);
        conn.receive(new byte[1]);
        conn.receive(new byte[1]);
        fx.scheduler.advance(DEADLINE.minusMillis(1));
        assertNull(conn.closedWith());
        fx.scheduler.advance(Duration.ofMillis(1));
        assertEquals("forced close", conn.closedWith());
        assertEquals(List.of("forced close"), disconnects);
    }

    @Test
    void deadlineRunsFromTheHeaderNotFromEachAttachment() {
        FakeEngineSocket conn = fx.connectV5("/");
        conn.receive(THREE_ATTACHMENTS);
        fx.scheduler.advance(DEADLINE.minusMillis(1));
        conn.receive(new byte[1]);
        fx.scheduler.advance(Duration.ofMillis(1));
        assertEquals("forced close", conn.closedWith());
    }

    @Test
    void completedPacketStopsItsDeadline() {
        FakeEngineSocket conn = fx.connectV5("/");
        conn.receive("51-[\"bin\",{\"_placeholder\":true,\"num\":0}]");
        conn.receive(new byte[1]);
        assertEquals(0, fx.scheduler.pending());
        fx.scheduler.advance(DEADLINE.multipliedBy(2));
        assertNull(conn.closedWith());
        assertEquals(List.of(1), received);
    }

    @Test
    void eachPacketHasADeadlineOfItsOwn() {
        FakeEngineSocket conn = fx.connectV5("/");
        conn.receive("51-[\"bin\",{\"_placeholder\":true,\"num\":0}]");
        fx.scheduler.advance(DEADLINE.minusMillis(1));
        conn.receive(new byte[1]);
        conn.receive("51-[\"bin\",{\"_placeholder\":true,\"num\":0}]");
        fx.scheduler.advance(DEADLINE.minusMillis(1));
        assertNull(conn.closedWith());
        fx.scheduler.advance(Duration.ofMillis(1));
        assertEquals("forced close", conn.closedWith());
        assertEquals(List.of(1), received);
    }

    @Test
    void connectionClosedWhileAPacketWaitsCancelsItsDeadline() {
        FakeEngineSocket conn = fx.connectV5("/");
        conn.receive(THREE_ATTACHMENTS);
        conn.drop("transport close");
        assertEquals(0, fx.scheduler.pending());
        assertEquals(List.of("transport close"), disconnects);
    }
}
