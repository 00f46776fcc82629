package io.socketee.internal.sio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.AckTimeoutException;
import io.socketee.Args;
import io.socketee.BroadcastOperator;
import io.socketee.RemoteSocket;
import io.socketee.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The broadcast operator's modifiers and final operations, on one server. */
class BroadcastOperatorTest {
    private final SioFixture fx = new SioFixture();
    private final List<Socket> sockets = new ArrayList<>();
    private final FakeEngineSocket a;
    private final FakeEngineSocket b;
    private final FakeEngineSocket c;

    BroadcastOperatorTest() {
        fx.server.onConnection(sockets::add);
        a = fx.connectV5("/");
        b = fx.connectV5("/");
        c = fx.connectV5("/");
    }

    @Test
    void modifiersReturnNewOperatorsAndLeaveTheOriginalUnchanged() {
        sockets.get(0).join("r");
        BroadcastOperator all = fx.server.except("nothing");
        BroadcastOperator room = all.to("r");
        assertNotSame(all, room);
        all.asVolatile().timeout(Duration.ofSeconds(1)).compress(false).local();
        all.emit("x");
        assertEquals(1, a.texts().size());
        assertEquals(1, b.texts().size(), "the first operator still targets everyone");
        room.emit("y");
        assertEquals(List.of("2[\"x\"]", "2[\"y\"]"), a.texts());
        assertEquals(List.of("2[\"x\"]"), b.texts());
    }

    @Test
    void severalRoomsReachEachMemberOnceAndExceptWins() {
        sockets.get(0).join(List.of("r1", "r2"));
        sockets.get(1).join("r2");
        sockets.get(2).join(List.of("r1", "muted"));
        fx.server.to(List.of("r1", "r2")).except(List.of("muted")).emit("x");
        assertEquals(List.of("2[\"x\"]"), a.texts());
        assertEquals(List.of("2[\"x\"]"), b.texts());
        assertEquals(List.of(), c.texts());
    }

    @Test
    void volatileSkipsRecipientsThatCannotWriteNow() {
        b.setWritable(false);
        fx.server.asVolatile().emit("pos", 1);
        fx.server.emit("important");
        assertEquals(List.of("2[\"pos\",1]", "2[\"important\"]"), a.texts());
        assertEquals(List.of("2[\"important\"]"), b.texts(), "the reliable event is queued, the volatile one is not");
    }

    @Test
    void emitWithAckCollectsEveryAnswer() throws Exception {
        CompletableFuture<List<Args>> answers = fx.server.emitWithAck("q", 1).toCompletableFuture();
        String sent = a.texts().get(0);
        assertEquals("20[\"q\",1]", sent, "one ack id for the whole broadcast");
        assertEquals(sent, b.texts().get(0));
        a.receive("30[\"from a\"]");
        c.receive("30[\"from c\"]");
        assertFalse(answers.isDone());
        b.receive("30[\"from b\"]");
        List<Object> got = answers.get().stream().map(args -> args.get(0)).toList();
        assertEquals(List.of("from a", "from c", "from b"), got);
    }

    @Test
    void emitWithAckToNobodyCompletesAtOnceWithNoAnswers() throws Exception {
        assertEquals(List.of(), fx.server.to("empty").emitWithAck("q").toCompletableFuture().get());
    }

    @Test
    void emitWithAckTimesOutWithThePartialAnswers() {
        CompletableFuture<List<Args>> answers =
                fx.server.timeout(Duration.ofSeconds(2)).emitWithAck("q").toCompletableFuture();
        a.receive("30[1]");
        fx.scheduler.advance(Duration.ofSeconds(2));
        ExecutionException e = assertThrows(ExecutionException.class, answers::get);
        AckTimeoutException timeout = assertInstanceOf(AckTimeoutException.class, e.getCause());
        assertEquals("operation has timed out", timeout.getMessage());
        assertEquals(1, timeout.responses().size());
        assertEquals(1L, timeout.responses().get(0).get(0));
        b.receive("30[2]"); // late: ignored
    }

    @Test
    void aRecipientThatLeavesIsNoLongerAwaited() throws Exception {
        CompletableFuture<List<Args>> answers = fx.server.emitWithAck("q").toCompletableFuture();
        a.receive("30[1]");
        b.receive("1");
        assertFalse(answers.isDone());
        c.drop("transport close");
        assertEquals(1, answers.get().size());
    }

    @Test
    void fetchSocketsGivesSnapshotsThatActById() throws Exception {
        sockets.get(1).join("r");
        sockets.get(1).data().put("user", "bob");
        List<RemoteSocket> found = fx.server.in("r").fetchSockets().toCompletableFuture().get();
        assertEquals(1, found.size());
        RemoteSocket remote = found.get(0);
        assertEquals(sockets.get(1).id(), remote.id());
        assertEquals(List.of(remote.id(), "r"), List.copyOf(remote.rooms()));
        assertEquals("bob", remote.data().get("user"));
        assertEquals(sockets.get(1).handshake(), remote.handshake());
        remote.emit("hi");
        remote.join("extra");
        remote.leave("r");
        assertEquals(List.of("2[\"hi\"]"), b.texts());
        assertEquals(List.of(remote.id(), "extra"), List.copyOf(sockets.get(1).rooms()));
        CompletableFuture<Args> answer = remote.emitWithAck(Duration.ofSeconds(1), "q").toCompletableFuture();
        b.receive("30[\"yes\"]");
        assertEquals("yes", answer.get().get(0));
        remote.disconnect(false);
        assertFalse(sockets.get(1).connected());
    }

    @Test
    void socketsJoinLeaveAndDisconnectActOnTheSelection() {
        sockets.get(0).join("r");
        sockets.get(1).join("r");
        fx.server.in("r").except(sockets.get(1).id()).socketsJoin(List.of("x", "y"));
        assertEquals(List.of(sockets.get(0).id(), "r", "x", "y"), List.copyOf(sockets.get(0).rooms()));
        assertEquals(List.of(sockets.get(1).id(), "r"), List.copyOf(sockets.get(1).rooms()));
        fx.server.socketsLeave("r");
        assertEquals(List.of(sockets.get(0).id(), "x", "y"), List.copyOf(sockets.get(0).rooms()));
        fx.server.in("x").disconnectSockets(false);
        assertFalse(sockets.get(0).connected());
        assertTrue(sockets.get(1).connected());
        assertEquals(List.of("1"), a.texts());
        fx.server.disconnectSockets(true);
        assertEquals("forced close", b.closedWith());
    }

    @Test
    void serverSideEmitOnOneServerIsAnsweredByNobody() throws Exception {
        fx.server.serverSideEmit("ping", 1);
        assertEquals(List.of(), fx.server.serverSideEmitWithAck(Duration.ofSeconds(1), "ping").toCompletableFuture().get());
        assertThrows(IllegalArgumentException.class, () -> fx.server.serverSideEmit("connect"));
    }

    @Test
    void negativeTimeoutsAndReservedNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> fx.server.timeout(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> fx.server.emitWithAck("disconnect"));
    }
}
