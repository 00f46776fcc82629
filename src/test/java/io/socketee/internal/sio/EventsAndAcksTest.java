package io.socketee.internal.sio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.Args;
import io.socketee.IoException;
import io.socketee.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Events and acknowledgements in both directions, with text and binary arguments. */
class EventsAndAcksTest {
    private final SioFixture fx = new SioFixture();
    private final List<Socket> sockets = new ArrayList<>();

    EventsAndAcksTest() {
        fx.server.onConnection(sockets::add);
        fx.server.of("/chat").onConnection(sockets::add);
    }

    @Test
    void eventWithAckIsAnsweredWithTheSameIdAndNamespace() {
        FakeEngineSocket conn = fx.connectV5("/chat");
        sockets.get(0).on("echo", (s, args, ack) -> ack.orElseThrow().send(args.toArray()));
        conn.receive("2/chat,17[\"echo\",1,1.5,\"é\",null,{\"b\":true,\"a\":[]}]");
        assertEquals(List.of("3/chat,17[1,1.5,\"é\",null,{\"b\":true,\"a\":[]}]"), conn.texts());
    }

    @Test
    void aVolatileEventGoesOutWhenTheTransportCanTakeItAndIsDroppedOtherwise() {
        FakeEngineSocket conn = fx.connectV5("/chat");
        Socket s = sockets.get(0);
        List<String> outgoing = new ArrayList<>();
        s.onAnyOutgoing((sock, event, args) -> outgoing.add(event + args));
        assertTrue(s.asVolatile().emit("pos", 1, 2));
        conn.setWritable(false);
        assertEquals(false, s.asVolatile().emit("pos", 3, 4), "no request waiting: dropped");
        s.emit("reliable");
        conn.setWritable(true);
        assertTrue(s.asVolatile().emit("pos", 5, 6));
        assertEquals(List.of("2/chat,[\"pos\",1,2]", "2/chat,[\"reliable\"]", "2/chat,[\"pos\",5,6]"), conn.texts(),
                "the dropped event is not queued behind the reliable one");
        assertEquals(List.of("pos[1, 2]", "pos[3, 4]", "reliable[]", "pos[5, 6]"), outgoing,
                "outgoing listeners see a dropped volatile event too, as in the reference");
    }

    @Test
    void aHandlerSeesThePollingRequestThatCarriedItsEventAndNoneAfterwards() {
        FakeEngineSocket conn = fx.connectV5("/chat");
        Socket s = sockets.get(0);
        List<String> seen = new ArrayList<>();
        s.on("who", (sock, args, ack) -> seen.add(sock.currentRequest()
                .map(r -> r.headers().get("x-trace").get(0)).orElse("none")));
        conn.receiveOver(Map.of("x-trace", List.of("abc")), "2/chat,[\"who\"]");
        conn.receive("2/chat,[\"who\"]");
        assertEquals(List.of("abc", "none"), seen);
        assertEquals(java.util.Optional.empty(), s.currentRequest(), "outside a handler");
    }

    @Test
    void aVolatileEventWithAReservedNameIsRefused() {
        fx.connectV5("/");
        assertThrows(IllegalArgumentException.class, () -> sockets.get(0).asVolatile().emit("disconnect"));
    }

    @Test
    void argumentsArriveAsPlainJava() {
        FakeEngineSocket conn = fx.connectV5("/");
        List<Object> seen = new ArrayList<>();
        sockets.get(0).on("ev", (s, args, ack) -> {
            seen.addAll(args);
            seen.add(ack.isPresent());
        });
        conn.receive("2[\"ev\",1,-2.5,1e21,true,null,\"s\",{\"k\":[1,{\"x\":null}]}]");
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("x", null);
        assertEquals(Arrays.asList(1L, -2.5, 1e21, true, null, "s", Map.of("k", List.of(1L, inner)), false), seen);
    }

    @Test
    void numericEventNamesAreKeyedByTheirJavaScriptText() {
        FakeEngineSocket conn = fx.connectV5("/");
        List<Object> seen = new ArrayList<>();
        sockets.get(0).on("42", (s, args, ack) -> seen.addAll(args));
        conn.receive("2[42,\"x\"]");
        assertEquals(List.of("x"), seen);
    }

    @Test
    void ackSendsOnlyOnce() {
        FakeEngineSocket conn = fx.connectV5("/");
        sockets.get(0).on("ev", (s, args, ack) -> {
            ack.orElseThrow().send("first");
            ack.orElseThrow().send("second");
        });
        conn.receive("23[\"ev\"]");
        assertEquals(List.of("33[\"first\"]"), conn.texts());
    }

    @Test
    void emitWritesAnEventPacket() {
        FakeEngineSocket conn = fx.connectV5("/chat");
        sockets.get(0).emit("news", "a", 1, 2.5, List.of(true), Map.of("k", "v"), null, new int[] {1, 2});
        assertEquals(List.of("2/chat,[\"news\",\"a\",1,2.5,[true],{\"k\":\"v\"},null,[1,2]]"), conn.texts());
    }

    @Test
    void emitWithAckCompletesWithTheClientsAnswer() {
        FakeEngineSocket conn = fx.connectV5("/chat");
        CompletableFuture<Args> answer = sockets.get(0).emitWithAck("q", 7).toCompletableFuture();
        assertEquals(List.of("2/chat,0[\"q\",7]"), conn.texts());
        conn.receive("3/chat,0[\"a\",{\"n\":2}]");
        assertEquals(List.of("a", Map.of("n", 2L)), answer.join());
    }

    @Test
    void ackIdsAreCountedPerNamespace() {
        FakeEngineSocket a = fx.connectV5("/");
        FakeEngineSocket b = fx.connectV5("/");
        sockets.get(0).emitWithAck("q");
        sockets.get(1).emitWithAck("q");
        sockets.get(0).emitWithAck("q");
        assertEquals(List.of("20[\"q\"]", "22[\"q\"]"), a.texts());
        assertEquals(List.of("21[\"q\"]"), b.texts());
    }

    @Test
    void unknownAckIdIsIgnored() {
        FakeEngineSocket conn = fx.connectV5("/");
        conn.receive("39[]");
        assertEquals(null, conn.closedWith());
    }

    @Test
    void emitWithAckTimesOutWhenTheClientIsSilent() {
        fx.connectV5("/");
        CompletableFuture<Args> answer =
                sockets.get(0).emitWithAck(Duration.ofSeconds(2), "q").toCompletableFuture();
        fx.scheduler.advance(Duration.ofMillis(1999));
        assertTrue(!answer.isDone());
        fx.scheduler.advance(Duration.ofMillis(1));
        Throwable failure = assertThrows(Exception.class, answer::join).getCause();
        assertInstanceOf(TimeoutException.class, failure);
    }

    @Test
    void answerInTimeCancelsTheTimeout() {
        FakeEngineSocket conn = fx.connectV5("/");
        long before = fx.scheduler.pending();
        CompletableFuture<Args> answer =
                sockets.get(0).emitWithAck(Duration.ofSeconds(2), "q").toCompletableFuture();
        conn.receive("30[1]");
        assertEquals(List.of(1L), answer.join());
        assertEquals(before, fx.scheduler.pending());
    }

    @Test
    void pendingAckFailsWhenTheSocketDisconnects() {
        FakeEngineSocket conn = fx.connectV5("/");
        CompletableFuture<Args> answer = sockets.get(0).emitWithAck("q").toCompletableFuture();
        conn.drop("transport close");
        assertInstanceOf(IoException.class, assertThrows(Exception.class, answer::join).getCause());
    }

    @Test
    void reservedEventNamesCannotBeEmittedNorListenedTo() {
        fx.connectV5("/");
        Socket socket = sockets.get(0);
        assertThrows(IllegalArgumentException.class, () -> socket.emit("disconnect"));
        assertThrows(IllegalArgumentException.class, () -> socket.on("connect", (s, a, k) -> { }));
        assertThrows(IllegalArgumentException.class, () -> fx.server.emit("disconnecting"));
    }

    @Test
    void binaryArgumentsGoOutAsAttachmentsInOneBatch() {
        FakeEngineSocket conn = fx.connectV5("/chat");
        byte[] one = {1, 2, 3};
        ByteBuffer two = ByteBuffer.wrap(new byte[] {9, 4, 5}, 1, 2);
        sockets.get(0).emit("file", Map.of("data", one), two);
        List<List<Object>> batches = conn.batches();
        assertEquals(1, batches.size());
        List<Object> batch = batches.get(0);
        assertEquals("52-/chat,[\"file\",{\"data\":{\"_placeholder\":true,\"num\":0}},{\"_placeholder\":true,\"num\":1}]",
                batch.get(0));
        assertArrayEquals(one, (byte[]) batch.get(1));
        assertArrayEquals(new byte[] {4, 5}, (byte[]) batch.get(2));
    }

    @Test
    void binaryEventIsReassembledAndEchoedBackAsBinary() {
        FakeEngineSocket conn = fx.connectV5("/");
        sockets.get(0).on("echo", (s, args, ack) -> ack.orElseThrow().send(args.toArray()));
        conn.receive("51-4[\"echo\",\"x\",{\"_placeholder\":true,\"num\":0}]");
        assertEquals(List.of(), conn.sent());
        conn.receive("hi".getBytes(StandardCharsets.UTF_8));
        List<Object> sent = conn.sent();
        assertEquals("61-4[\"x\",{\"_placeholder\":true,\"num\":0}]", sent.get(0));
        assertArrayEquals("hi".getBytes(StandardCharsets.UTF_8), (byte[]) sent.get(1));
    }

    @Test
    void receivedBinaryIsAByteArrayCopy() {
        FakeEngineSocket conn = fx.connectV5("/");
        List<Object> seen = new ArrayList<>();
        sockets.get(0).on("bin", (s, args, ack) -> {
            ((byte[]) args.get(0))[0] = 99;
            seen.add(args.get(0));
        });
        conn.receive("51-[\"bin\",{\"_placeholder\":true,\"num\":0}]");
        conn.receive(new byte[] {7});
        assertArrayEquals(new byte[] {7}, (byte[]) seen.get(0));
    }

    @Test
    void ackOfTheClientMayCarryBinary() {
        FakeEngineSocket conn = fx.connectV5("/");
        CompletableFuture<Args> answer = sockets.get(0).emitWithAck("q").toCompletableFuture();
        conn.receive("61-0[{\"_placeholder\":true,\"num\":0}]");
        conn.receive(new byte[] {1, 2});
        assertArrayEquals(new byte[] {1, 2}, (byte[]) answer.join().get(0));
    }

    @Test
    void failingListenerIsLoggedAndTheNextOneStillRuns() {
        FakeEngineSocket conn = fx.connectV5("/");
        List<String> ran = new ArrayList<>();
        sockets.get(0).on("ev", (s, a, k) -> {
            throw new IllegalStateException("boom");
        });
        sockets.get(0).on("ev", (s, a, k) -> ran.add("second"));
        conn.receive("2[\"ev\"]");
        conn.receive("2[\"ev\"]");
        assertEquals(List.of("second", "second"), ran);
        assertEquals(null, conn.closedWith());
    }

    @Test
    void invalidPacketClosesTheConnectionAsForcedClose() {
        FakeEngineSocket conn = fx.connectV5("/");
        List<String> reasons = new ArrayList<>();
        sockets.get(0).onDisconnect((s, r) -> reasons.add(r.wireName()));
        conn.receive("2[\"x\"");
        assertEquals("forced close", conn.closedWith());
        assertEquals(List.of("forced close"), reasons);
    }
}
