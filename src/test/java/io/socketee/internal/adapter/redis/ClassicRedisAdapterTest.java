package io.socketee.internal.adapter.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.AckTimeoutException;
import io.socketee.Args;
import io.socketee.IoException;
import io.socketee.RemoteSocket;
import io.socketee.Socket;
import io.socketee.internal.metrics.Counter;
import io.socketee.internal.metrics.CountingRecorder;
import io.socketee.internal.sio.FakeEngineSocket;
import io.socketee.internal.sio.SioFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The cluster rules of the classic Redis adapter, three nodes over an in-memory Redis: what each
 * operation reaches on the other nodes, how answers are counted, and what happens when a node
 * never answers or a message is garbage.
 */
class ClassicRedisAdapterTest {
    private static final Duration REQUESTS_TIMEOUT = Duration.ofSeconds(5);

    private final InMemoryRedisBus redis = new InMemoryRedisBus();
    private final AtomicInteger requestIds = new AtomicInteger();
    private final Node a = new Node("nodeA1");
    private final Node b = new Node("nodeB1");
    private final Node c = new Node("nodeC1");

    /** One cluster member: a Socket.IO server whose adapters speak to {@link #redis}. */
    private final class Node {
        final SioFixture fx;
        final List<Socket> sockets = new ArrayList<>();
        final List<ClassicRedisAdapter> adapters = new ArrayList<>();
        final CountingRecorder metrics = new CountingRecorder(CountingRecorder.Sink.NONE, Map.of());

        Node(String uid) {
            fx = new SioFixture(scheduler -> (host, local) -> {
                ClassicRedisAdapter adapter = new ClassicRedisAdapter(io.socketee.internal.adapter.NamespaceHost.of(host),
                        (io.socketee.internal.adapter.memory.InMemoryAdapter) local, redis.node(), "socket.io", uid,
                        REQUESTS_TIMEOUT, scheduler, () -> "req" + requestIds.incrementAndGet(), metrics);
                adapters.add(adapter);
                return adapter;
            });
            fx.server.onConnection(sockets::add);
        }

        FakeEngineSocket client() {
            return fx.connectV5("/");
        }
    }

    @Test
    void aBroadcastFromOneNodeReachesTheClientsOfEveryNodeOnce() {
        FakeEngineSocket onA = a.client();
        FakeEngineSocket onB = b.client();
        FakeEngineSocket onC = c.client();

        a.fx.server.emit("news", 1, new byte[] {7});
        redis.deliverAll();

        for (FakeEngineSocket client : List.of(onA, onB, onC)) {
            assertEquals(List.of("51-[\"news\",1,{\"_placeholder\":true,\"num\":0}]", "<\u0007>"), client.texts());
        }
        assertEquals(List.of("socket.io#/#"), redis.published);
    }

    @Test
    void aRoomBroadcastReachesOnlyTheRoomOnOtherNodesAndRespectsExcept() {
        FakeEngineSocket inRoom = b.client();
        FakeEngineSocket muted = b.client();
        FakeEngineSocket outside = c.client();
        b.sockets.get(0).join("room");
        b.sockets.get(1).join(List.of("room", "muted"));

        a.fx.server.to("room").except("muted").emit("hi");
        redis.deliverAll();

        assertEquals(List.of("2[\"hi\"]"), inRoom.texts());
        assertEquals(List.of(), muted.texts());
        assertEquals(List.of(), outside.texts());
        assertEquals(List.of("socket.io#/#room#"), redis.published, "one room: the room's own channel");
    }

    @Test
    void aLocalBroadcastStaysOnItsNode() {
        FakeEngineSocket onA = a.client();
        FakeEngineSocket onB = b.client();

        a.fx.server.local().emit("here");
        redis.deliverAll();

        assertEquals(List.of("2[\"here\"]"), onA.texts());
        assertEquals(List.of(), onB.texts());
        assertEquals(List.of(), redis.published);
    }

    @Test
    void socketsJoinLeaveAndDisconnectActOnEveryNode() {
        FakeEngineSocket onB = b.client();
        FakeEngineSocket onC = c.client();

        a.fx.server.socketsJoin("team");
        redis.deliverAll();
        assertEquals(Set.of(b.sockets.get(0).id(), "team"), b.sockets.get(0).rooms());
        assertTrue(c.sockets.get(0).rooms().contains("team"));

        a.fx.server.in("team").socketsLeave("team");
        redis.deliverAll();
        assertFalse(b.sockets.get(0).rooms().contains("team"));

        a.fx.server.in(c.sockets.get(0).id()).disconnectSockets(false);
        redis.deliverAll();
        assertEquals(List.of("1"), onC.texts(), "the socket on C got a DISCONNECT");
        assertEquals(List.of(), onB.texts());
    }

    @Test
    void fetchSocketsSeesTheSocketsOfEveryNodeWithTheirHandshakeRoomsAndData() throws Exception {
        a.client();
        b.client();
        b.sockets.get(0).join("room");
        b.sockets.get(0).data().put("name", "bob");

        CompletableFuture<List<RemoteSocket>> found = a.fx.server.fetchSockets().toCompletableFuture();
        redis.deliverAll();

        List<RemoteSocket> all = found.get();
        assertEquals(2, all.size());
        RemoteSocket remote = all.get(1);
        assertEquals(b.sockets.get(0).id(), remote.id());
        assertEquals(Set.of(remote.id(), "room"), remote.rooms());
        assertEquals(Map.of("name", "bob"), remote.data());
        assertEquals(b.sockets.get(0).handshake().url(), remote.handshake().url());
        assertEquals(b.sockets.get(0).handshake().issued(), remote.handshake().issued());
    }

    @Test
    void aRemoteSocketFromFetchSocketsCanBeSentTo() throws Exception {
        FakeEngineSocket onB = b.client();
        CompletableFuture<List<RemoteSocket>> found = a.fx.server.fetchSockets().toCompletableFuture();
        redis.deliverAll();

        found.get().get(0).emit("direct", "x");
        redis.deliverAll();

        assertEquals(List.of("2[\"direct\",\"x\"]"), onB.texts());
    }

    @Test
    void broadcastAcksAreCollectedFromEveryNode() throws Exception {
        FakeEngineSocket onA = a.client();
        FakeEngineSocket onB = b.client();
        // C has no client: it must still report a count of 0, or A would wait for it

        CompletableFuture<List<Args>> answers = a.fx.server.timeout(Duration.ofSeconds(2)).emitWithAck("ask", "q")
                .toCompletableFuture();
        redis.deliverAll();
        answer(onA, "from A");
        answer(onB, "from B");
        redis.deliverAll();

        Set<Object> got = new HashSet<>();
        answers.get().forEach(args -> got.add(args.get(0)));
        assertEquals(Set.of("from A", "from B"), got);
    }

    /** Answers the last event the client got, which carries an ack id: {@code 2<id>[...]} → {@code 3<id>[answer]}. */
    private static void answer(FakeEngineSocket client, String answer) {
        String last = client.texts().get(client.texts().size() - 1);
        String id = last.substring(1, last.indexOf('['));
        client.receive("3" + id + "[\"" + answer + "\"]");
    }

    @Test
    void serverSideEmitReachesTheOtherNodesButNotItself() {
        List<String> seen = new ArrayList<>();
        a.fx.server.onServerSideEmit("hello", (args, ack) -> seen.add("A " + args.get(0)));
        b.fx.server.onServerSideEmit("hello", (args, ack) -> seen.add("B " + args.get(0)));
        c.fx.server.onServerSideEmit("hello", (args, ack) -> seen.add("C " + args.get(0)));

        a.fx.server.serverSideEmit("hello", "world");
        redis.deliverAll();

        assertEquals(List.of("B world", "C world"), seen);
    }

    @Test
    void serverSideEmitWithAckGetsOneAnswerFromEachOtherNode() throws Exception {
        b.fx.server.onServerSideEmit("count", (args, ack) -> ack.orElseThrow().send(2));
        c.fx.server.onServerSideEmit("count", (args, ack) -> ack.orElseThrow().send(3));

        CompletableFuture<List<Object>> answers = a.fx.server
                .serverSideEmitWithAck(Duration.ofSeconds(1), "count").toCompletableFuture();
        redis.deliverAll();

        List<Object> got = answers.get();
        assertEquals(2, got.size());
        assertEquals(Set.of(2, 3), Set.of(((Number) got.get(0)).intValue(), ((Number) got.get(1)).intValue()));
    }

    @Test
    void aNodeThatNeverAnswersMakesTheRequestTimeOutWithWhatCame() {
        c.fx.server.close(); // C still counts in NUMSUB below: its subscription is replaced by a silent one
        redis.node().subscribe(List.of(), List.of("socket.io-request#/#"), (channel, message) -> { });
        b.fx.server.onServerSideEmit("count", (args, ack) -> ack.orElseThrow().send(2));

        CompletableFuture<List<Object>> answers = a.fx.server
                .serverSideEmitWithAck(Duration.ofSeconds(1), "count").toCompletableFuture();
        redis.deliverAll();
        assertFalse(answers.isDone());
        a.fx.scheduler.advance(Duration.ofSeconds(1));

        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, answers::get);
        AckTimeoutException timeout = assertInstanceOf(AckTimeoutException.class, e.getCause());
        assertEquals(1, timeout.responses().size(), "B's answer is kept");
        assertEquals(1, a.metrics.count(Counter.REDIS_REQUEST_TIMEOUTS, ""));
    }

    @Test
    void fetchSocketsFailsAfterTheRequestsTimeoutWhenANodeIsSilent() {
        redis.node().subscribe(List.of(), List.of("socket.io-request#/#"), (channel, message) -> { });
        CompletableFuture<List<RemoteSocket>> found = a.fx.server.fetchSockets().toCompletableFuture();
        redis.deliverAll();
        a.fx.scheduler.advance(REQUESTS_TIMEOUT);

        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, found::get);
        assertInstanceOf(IoException.class, e.getCause());
    }

    @Test
    void fetchSocketsFailsWithAnIoExceptionWhenANodeDescribesASocketBadly() {
        RedisBus rogue = redis.node();
        rogue.subscribe(List.of(), List.of("socket.io-request#/#"), (channel, message) -> {
            String requestId = ((ClassicMessage.FetchSockets) ClassicCodec.decodeRequest(message)).requestId();
            rogue.publish("socket.io-response#/#", ("{\"requestId\":\"" + requestId + "\",\"sockets\":[42]}")
                    .getBytes(StandardCharsets.UTF_8));
        });
        CompletableFuture<List<RemoteSocket>> found = a.fx.server.fetchSockets().toCompletableFuture();
        redis.deliverAll();

        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, found::get);
        IoException failure = assertInstanceOf(IoException.class, e.getCause(),
                "the application sees SocketEE's exception root, never the codec's own type");
        assertEquals("socket: not an object", failure.getMessage());
    }

    @Test
    void aMalformedMessageIsDroppedAndTheNextOneStillArrives() {
        FakeEngineSocket onB = b.client();
        redis.publish("socket.io#/#", "not msgpack at all".getBytes(StandardCharsets.UTF_8));
        redis.publish("socket.io-request#/#", "{\"type\":42}".getBytes(StandardCharsets.UTF_8));
        redis.publish("socket.io-response#/#", new byte[] {(byte) 0xc1});
        redis.deliverAll();

        a.fx.server.emit("after");
        redis.deliverAll();

        assertEquals(List.of("2[\"after\"]"), onB.texts());
        assertEquals(3, b.metrics.count(Counter.REDIS_ERRORS, ""), "each malformed message counts once");
    }

    @Test
    void serverCountIsTheNumberOfSubscribedNodesAndOneWhenRedisIsAway() throws Exception {
        assertEquals(3, a.adapters.get(0).serverCount());
        redis.down();
        assertEquals(1, a.adapters.get(0).serverCount());
        assertEquals(List.of(), a.fx.server.serverSideEmitWithAck(Duration.ofSeconds(1), "x").toCompletableFuture().get(),
                "alone: no other server to answer");
    }

    @Test
    void aBroadcastWhileRedisIsAwayStillReachesLocalClients() {
        FakeEngineSocket onA = a.client();
        redis.down();
        a.fx.server.emit("still");
        assertEquals(List.of("2[\"still\"]"), onA.texts());
    }

    @Test
    void allRoomsGathersTheRoomsOfEveryNode() throws Exception {
        a.client();
        b.client();
        a.sockets.get(0).join("red");
        b.sockets.get(0).join("blue");

        CompletableFuture<Set<String>> rooms = a.fx.server.allRooms().toCompletableFuture();
        redis.deliverAll();

        assertEquals(Set.of(a.sockets.get(0).id(), "red", b.sockets.get(0).id(), "blue"), rooms.get());
    }
}
