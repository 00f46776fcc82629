package io.socketee.internal.adapter.redis.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.AckTimeoutException;
import io.socketee.Args;
import io.socketee.IoException;
import io.socketee.RemoteSocket;
import io.socketee.Socket;
import io.socketee.internal.adapter.redis.InMemoryRedisBus;
import io.socketee.internal.metrics.Counter;
import io.socketee.internal.metrics.CountingRecorder;
import io.socketee.internal.protocol.engine.EngineVersion;
import io.socketee.internal.sio.FakeEngineSocket;
import io.socketee.internal.sio.SioFixture;
import io.socketee.internal.sio.SioOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Streams adapter's rules, three nodes over an in-memory Redis (streams, keys and pub/sub):
 * what goes through the stream and what over pub/sub, what each operation reaches on the other
 * nodes, how answers are counted, and connection state recovery across nodes.
 */
class RedisStreamsAdapterTest {
    private static final Pattern CONNECT = Pattern.compile("0\\{\"sid\":\"([^\"]+)\",\"pid\":\"([^\"]+)\"}");
    private static final Duration RECOVERY = Duration.ofMinutes(2);

    private final InMemoryRedisBus redis = new InMemoryRedisBus();
    private final InMemoryStreamsStore store = new InMemoryStreamsStore();
    private final StreamsOptions options = StreamsOptions.defaults();
    private final List<Node> nodes = new ArrayList<>();

    /** One cluster member: a Socket.IO server whose adapters speak to {@link #redis} and {@link #store}. */
    private final class Node {
        final SioFixture fx;
        final List<Socket> sockets = new ArrayList<>();
        final CountingRecorder metrics = new CountingRecorder(CountingRecorder.Sink.NONE, Map.of());
        RedisStreamsAdapters factory;
        int read;

        Node(boolean recovery) {
            SioOptions o = new SioOptions(Duration.ofSeconds(3), 10, 64, false,
                    new SioOptions.Recovery(recovery, RECOVERY, true));
            fx = new SioFixture(o, scheduler -> factory = new RedisStreamsAdapters(redis.node(), store,
                    (stream, fields) -> CompletableFuture.completedFuture(store.add(stream, options.maxLen(), fields)),
                    options, recovery ? Optional.of(RECOVERY) : Optional.empty(), scheduler, metrics));
            fx.server.onConnection(sockets::add);
            nodes.add(this);
        }

        FakeEngineSocket client() {
            return fx.connectV5("/");
        }

        /** Reads what this node has not read yet from the stream; whether there was any. */
        boolean pump() {
            List<StreamEntry> all = store.entries(options.streamName());
            boolean any = read < all.size();
            while (read < all.size()) {
                factory.onEntry(all.get(read++));
            }
            return any;
        }
    }

    /** Delivers pub/sub messages and stream entries to every node until none is left. */
    private void deliverAll() {
        boolean more = true;
        while (more) {
            redis.deliverAll();
            more = false;
            for (Node n : nodes) {
                more |= n.pump();
            }
        }
    }

    private List<StreamEntry> stream() {
        return store.entries(options.streamName());
    }

    @Test
    void aBroadcastGoesThroughTheStreamAndReachesTheClientsOfEveryNodeOnce() {
        Node a = new Node(false);
        Node b = new Node(false);
        FakeEngineSocket onA = a.client();
        FakeEngineSocket onB = b.client();

        a.fx.server.emit("news", 1);
        deliverAll();

        assertEquals(List.of("2[\"news\",1]"), onA.texts());
        assertEquals(List.of("2[\"news\",1]"), onB.texts());
        StreamEntry e = stream().get(0);
        assertEquals(List.of("uid", "nsp", "type", "data"), List.copyOf(e.fields().keySet()));
        assertEquals("/", e.fields().get("nsp"));
        assertEquals("3", e.fields().get("type"));
        assertTrue(e.fields().get("uid").matches("[0-9a-f]{16}"), e.fields().get("uid"));
        assertEquals("{\"packet\":{\"type\":2,\"data\":[\"news\",1]},\"opts\":{\"rooms\":[],\"except\":[],\"flags\":{}}}",
                e.fields().get("data"));
    }

    @Test
    void aBinaryBroadcastIsStoredAsBase64MessagePackAndArrivesWithItsAttachment() {
        Node a = new Node(false);
        Node b = new Node(false);
        FakeEngineSocket onB = b.client();

        a.fx.server.emit("bin", new byte[] {9, 8});
        deliverAll();

        assertFalse(stream().get(0).fields().get("data").startsWith("{"));
        assertEquals(List.of("51-[\"bin\",{\"_placeholder\":true,\"num\":0}]", "<\u0009\u0008>"), onB.texts());
    }

    @Test
    void aRoomBroadcastReachesOnlyTheRoomOnOtherNodesAndRespectsExcept() {
        Node a = new Node(false);
        Node b = new Node(false);
        FakeEngineSocket inRoom = b.client();
        FakeEngineSocket muted = b.client();
        FakeEngineSocket outside = b.client();
        b.sockets.get(0).join("room");
        b.sockets.get(1).join(List.of("room", "muted"));

        a.fx.server.to("room").except("muted").emit("hi");
        deliverAll();

        assertEquals(List.of("2[\"hi\"]"), inRoom.texts());
        assertEquals(List.of(), muted.texts());
        assertEquals(List.of(), outside.texts());
    }

    @Test
    void aLocalBroadcastStaysOnItsNodeAndOutOfTheStream() {
        Node a = new Node(false);
        Node b = new Node(false);
        FakeEngineSocket onA = a.client();
        FakeEngineSocket onB = b.client();

        a.fx.server.local().emit("here");
        deliverAll();

        assertEquals(List.of("2[\"here\"]"), onA.texts());
        assertEquals(List.of(), onB.texts());
        assertEquals(List.of(), stream());
    }

    @Test
    void socketsJoinLeaveAndDisconnectGoThroughTheStreamAndActOnEveryNode() {
        Node a = new Node(false);
        Node b = new Node(false);
        a.client();
        FakeEngineSocket onB = b.client();

        a.fx.server.socketsJoin("team");
        deliverAll();
        assertTrue(a.sockets.get(0).rooms().contains("team"));
        assertTrue(b.sockets.get(0).rooms().contains("team"));
        assertEquals("4", stream().get(0).fields().get("type"));
        assertEquals("{\"opts\":{\"rooms\":[],\"except\":[],\"flags\":{}},\"rooms\":[\"team\"]}",
                stream().get(0).fields().get("data"));

        a.fx.server.in("team").socketsLeave("team");
        deliverAll();
        assertFalse(b.sockets.get(0).rooms().contains("team"));
        assertFalse(a.sockets.get(0).rooms().contains("team"));

        a.fx.server.in(b.sockets.get(0).id()).disconnectSockets(false);
        deliverAll();
        assertEquals(List.of("1"), onB.texts(), "the socket on B got a DISCONNECT");
        assertEquals("6", stream().get(2).fields().get("type"));
    }

    @Test
    void fetchSocketsAsksOverPubSubAndSeesTheSocketsOfEveryNode() throws Exception {
        Node a = new Node(false);
        Node b = new Node(false);
        Node c = new Node(false);
        a.client();
        b.client();
        c.client();
        b.sockets.get(0).join("room");
        b.sockets.get(0).data().put("name", "bob");

        CompletableFuture<List<RemoteSocket>> found = a.fx.server.fetchSockets().toCompletableFuture();
        deliverAll();

        List<RemoteSocket> all = found.get();
        assertEquals(3, all.size());
        RemoteSocket bob = all.stream().filter(s -> s.id().equals(b.sockets.get(0).id())).findFirst().orElseThrow();
        assertEquals(Set.of(bob.id(), "room"), bob.rooms());
        assertEquals(Map.of("name", "bob"), bob.data());
        assertEquals(List.of(), stream(), "a request is not kept in the stream");
    }

    @Test
    void broadcastAcksAreCollectedFromEveryNodeOverPubSub() throws Exception {
        Node a = new Node(false);
        Node b = new Node(false);
        Node c = new Node(false);
        FakeEngineSocket onA = a.client();
        FakeEngineSocket onB = b.client();
        // C has no client: it must still report a count of 0, or A would wait for it

        CompletableFuture<List<Args>> answers = a.fx.server.timeout(Duration.ofSeconds(2)).emitWithAck("ask", "q")
                .toCompletableFuture();
        deliverAll();
        answer(onA, "from A");
        answer(onB, "from B");
        deliverAll();

        Set<Object> got = new HashSet<>();
        answers.get().forEach(args -> got.add(args.get(0)));
        assertEquals(Set.of("from A", "from B"), got);
        assertEquals(List.of(), stream(), "a broadcast with acks is not kept in the stream");
    }

    /** Answers the last event the client got, which carries an ack id: {@code 2<id>[...]} → {@code 3<id>[answer]}. */
    private static void answer(FakeEngineSocket client, String answer) {
        String last = client.texts().get(client.texts().size() - 1);
        String id = last.substring(1, last.indexOf('['));
        client.receive("3" + id + "[\"" + answer + "\"]");
    }

    @Test
    void serverSideEmitReachesTheOtherNodesAndCollectsTheirAnswers() throws Exception {
        Node a = new Node(false);
        Node b = new Node(false);
        Node c = new Node(false);
        List<String> seen = new ArrayList<>();
        a.fx.server.onServerSideEmit("hello", (args, ack) -> seen.add("A " + args.get(0)));
        b.fx.server.onServerSideEmit("hello", (args, ack) -> {
            seen.add("B " + args.get(0));
            ack.ifPresent(a2 -> a2.send("b"));
        });
        c.fx.server.onServerSideEmit("hello", (args, ack) -> {
            seen.add("C " + args.get(0));
            ack.ifPresent(a2 -> a2.send("c"));
        });

        a.fx.server.serverSideEmit("hello", "world");
        deliverAll();
        assertEquals(List.of("B world", "C world"), seen);

        CompletableFuture<List<Object>> answers = a.fx.server.serverSideEmitWithAck(Duration.ofSeconds(1), "hello", "again")
                .toCompletableFuture();
        deliverAll();
        assertEquals(Set.of("b", "c"), new HashSet<>(answers.get()));
    }

    @Test
    void aServerThatNeverAnswersMakesTheRequestTimeOutWithTheAnswersThatCame() throws Exception {
        Node a = new Node(false);
        Node b = new Node(false);
        Node c = new Node(false);
        b.fx.server.onServerSideEmit("hello", (args, ack) -> ack.orElseThrow().send("b"));
        c.fx.server.onServerSideEmit("hello", (args, ack) -> {
            // never answers
        });

        CompletableFuture<List<Object>> answers = a.fx.server.serverSideEmitWithAck(Duration.ofSeconds(1), "hello")
                .toCompletableFuture();
        deliverAll();
        assertFalse(answers.isDone());
        a.fx.scheduler.advance(Duration.ofSeconds(1));

        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, answers::get);
        AckTimeoutException timeout = assertInstanceOf(AckTimeoutException.class, e.getCause());
        assertEquals(1, timeout.responses().size());
        assertEquals(1, a.metrics.count(Counter.REDIS_REQUEST_TIMEOUTS, ""));
    }

    @Test
    void allRoomsIsNotPartOfTheProtocolAndFails() {
        Node a = new Node(false);
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> a.fx.server.allRooms().toCompletableFuture().get());
        assertInstanceOf(IoException.class, e.getCause());
    }

    @Test
    void aMalformedEntryIsDroppedAndCounted() {
        Node a = new Node(false);
        Node b = new Node(false);
        FakeEngineSocket onB = b.client();
        store.add(options.streamName(), 10, Map.of("uid", "0123456789abcdef", "nsp", "/", "type", "3", "data", "{oops"));
        a.fx.server.emit("after");
        deliverAll();

        assertEquals(List.of("2[\"after\"]"), onB.texts(), "the next entry is read all the same");
        assertEquals(1, b.metrics.count(Counter.REDIS_ERRORS, ""));
    }

    @Test
    void withRecoveryEveryNodeAppendsTheSameStreamIdToABroadcast() {
        Node a = new Node(true);
        Node b = new Node(true);
        FakeEngineSocket onA = a.client();
        FakeEngineSocket onB = b.client();

        a.fx.server.emit("e", 1);
        deliverAll();

        String id = stream().get(0).id();
        assertEquals(List.of("2[\"e\",1,\"" + id + "\"]"), onA.texts());
        assertEquals(List.of("2[\"e\",1,\"" + id + "\"]"), onB.texts());
    }

    @Test
    void aClientDroppedOnOneNodeRecoversOnAnotherWithItsRoomsDataAndMissedEvents() {
        Node a = new Node(true);
        Node b = new Node(true);
        FakeEngineSocket first = a.fx.open(EngineVersion.V4);
        first.receive("0");
        Matcher hello = CONNECT.matcher(first.texts().get(0));
        assertTrue(hello.matches(), first.texts().get(0));
        Socket s = a.sockets.get(0);
        s.join("room1");
        s.data().put("user", "u1");
        b.fx.server.emit("seen");
        deliverAll();
        String offset = stream().get(0).id();
        first.drop("transport close");

        String key = "sio:session:" + hello.group(2);
        assertTrue(store.keys.containsKey(key), "the session is kept in Redis: " + store.keys);
        assertEquals(RECOVERY, store.ttls.get(key));
        b.fx.server.to("room1").emit("missed1", 1);
        a.fx.server.emit("missed2");
        b.fx.server.except("room1").emit("notforyou");
        deliverAll();

        FakeEngineSocket again = b.fx.open(EngineVersion.V4);
        again.receive("0{\"pid\":\"" + hello.group(2) + "\",\"offset\":\"" + offset + "\"}");

        List<String> texts = again.texts();
        Matcher back = CONNECT.matcher(texts.get(texts.size() - 1));
        assertTrue(back.matches(), texts.toString());
        assertEquals(hello.group(1), back.group(1), "the same socket id: recovered");
        List<StreamEntry> entries = stream();
        assertEquals(List.of("2[\"missed1\",1,\"" + entries.get(1).id() + "\"]", "2[\"missed2\",\"" + entries.get(2).id()
                + "\"]"), texts.subList(0, texts.size() - 1), "missed events, as Node sends them: before the CONNECT");
        Socket recovered = b.sockets.get(b.sockets.size() - 1);
        assertTrue(recovered.recovered());
        assertEquals(Set.of(hello.group(1), "room1"), recovered.rooms());
        assertEquals("u1", recovered.data().get("user"));
        assertFalse(store.keys.containsKey(key), "a session is restored once");
    }

    @Test
    void aSessionWhoseOffsetLeftTheStreamIsNotRecovered() {
        Node a = new Node(true);
        Node b = new Node(true);
        FakeEngineSocket first = a.fx.open(EngineVersion.V4);
        first.receive("0");
        Matcher hello = CONNECT.matcher(first.texts().get(0));
        assertTrue(hello.matches());
        first.drop("transport close");

        FakeEngineSocket again = b.fx.open(EngineVersion.V4);
        again.receive("0{\"pid\":\"" + hello.group(2) + "\",\"offset\":\"99-0\"}");

        Matcher fresh = CONNECT.matcher(again.texts().get(0));
        assertTrue(fresh.matches(), again.texts().get(0));
        assertFalse(fresh.group(1).equals(hello.group(1)), "a new session");
    }
}
