package io.socketee.internal.sio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.Namespace;
import io.socketee.RejectedException;
import io.socketee.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Dynamic namespaces: created on demand by pattern or function, with the parent's rules. */
class DynamicNamespaceTest {
    private final List<Socket> sockets = new ArrayList<>();

    @Test
    void aPatternCreatesChildrenThatRunTheParentsMiddlewareAndListeners() {
        SioFixture fx = new SioFixture();
        Namespace parent = fx.server.of(Pattern.compile("^/dyn-\\d+$"));
        List<String> order = new ArrayList<>();
        parent.use(s -> order.add("parent middleware " + s.namespace().name()));
        parent.onConnection(s -> {
            order.add("parent listener");
            sockets.add(s);
        });
        FakeEngineSocket conn = fx.open(io.socketee.internal.protocol.engine.EngineVersion.V4);
        conn.receive("0/dyn-42,");
        assertTrue(conn.texts().get(0).startsWith("0/dyn-42,{\"sid\":\""), conn.texts().toString());
        assertEquals(List.of("parent middleware /dyn-42", "parent listener"), order);
        assertEquals("/dyn-42", sockets.get(0).namespace().name());
        assertEquals(sockets.get(0), fx.server.of("/dyn-42").sockets().get(sockets.get(0).id()),
                "the child is a namespace of the server");
        conn.receive("0/dyn-x,");
        assertEquals("4/dyn-x,{\"message\":\"Invalid namespace\"}", conn.texts().get(1));
    }

    @Test
    void parentOperatorsReachEveryChild() throws Exception {
        SioFixture fx = new SioFixture();
        Namespace parent = fx.server.of(Pattern.compile("^/room-"));
        FakeEngineSocket one = fx.connectV5("/room-1");
        FakeEngineSocket two = fx.connectV5("/room-2");
        FakeEngineSocket main = fx.connectV5("/");
        parent.emit("hello");
        assertEquals(List.of("2/room-1,[\"hello\"]"), one.texts());
        assertEquals(List.of("2/room-2,[\"hello\"]"), two.texts());
        assertEquals(List.of(), main.texts());
        assertEquals(2, parent.fetchSockets().toCompletableFuture().get().size());
        assertTrue(parent.sockets().isEmpty());
    }

    @Test
    void aMatcherSeesTheAuthAndItsRefusalsAndFailuresSayInvalidNamespace() {
        SioFixture fx = new SioFixture();
        fx.server.of((name, auth) -> "yes".equals(auth.get("ok")));
        fx.server.of((name, auth) -> {
            throw new IllegalStateException("broken matcher");
        });
        FakeEngineSocket conn = fx.open(io.socketee.internal.protocol.engine.EngineVersion.V4);
        conn.receive("0/a,{\"ok\":\"no\"}");
        conn.receive("0/a,{\"ok\":\"yes\"}");
        assertEquals("4/a,{\"message\":\"Invalid namespace\"}", conn.texts().get(0));
        assertTrue(conn.texts().get(1).startsWith("0/a,{\"sid\""), conn.texts().toString());
    }

    @Test
    void middlewareRefusalInAChildReachesTheClient() {
        SioFixture fx = new SioFixture();
        fx.server.of(Pattern.compile("^/p")).use(s -> {
            throw new RejectedException("nope");
        });
        FakeEngineSocket conn = fx.open(io.socketee.internal.protocol.engine.EngineVersion.V4);
        conn.receive("0/p1,");
        assertEquals(List.of("4/p1,{\"message\":\"nope\"}"), conn.texts());
    }

    @Test
    void emptiedChildrenAreDroppedOnlyWhenConfigured() throws ExecutionException, InterruptedException {
        for (boolean cleanup : List.of(true, false)) {
            SioServer server = new SioServer(new SioOptions(Duration.ofSeconds(3), 10, 64, cleanup), Runnable::run,
                    new ManualScheduler());
            Namespace parent = server.of(Pattern.compile("^/c"));
            List<Namespace> seen = new ArrayList<>();
            parent.onConnection(s -> seen.add(s.namespace()));
            FakeEngineSocket conn = new FakeEngineSocket("engine000000000001",
                    io.socketee.internal.protocol.engine.EngineVersion.V4, java.util.Map.of());
            server.onConnection(conn);
            conn.receive("0/c1,");
            conn.receive("1/c1,");
            conn.receive("0/c1,");
            assertEquals(2, seen.size());
            assertEquals(cleanup, seen.get(0) != seen.get(1), "cleanup=" + cleanup);
        }
    }

    @Test
    void theSamePatternIsTheSameParentAndOtherFlagsAreAnother() {
        SioFixture fx = new SioFixture();
        Namespace parent = fx.server.of(Pattern.compile("^/w-\\d+$"));
        assertTrue(parent == fx.server.of(Pattern.compile("^/w-\\d+$")), "the same source and flags");
        assertTrue(parent != fx.server.of(Pattern.compile("^/w-\\d+$", Pattern.CASE_INSENSITIVE)), "other flags");
        assertTrue(parent != fx.server.of(Pattern.compile("^/w-\\d*$")), "another source");
    }

    @Test
    void aParentsPacketGateSeesEveryEventOfEachChildUnderTheChildsName() {
        SioFixture fx = new SioFixture();
        Namespace parent = fx.server.of(Pattern.compile("^/g-"));
        List<String> seen = new ArrayList<>();
        parent.onConnection(s -> s.on("e", (sock, args, ack) -> ack.ifPresent(a -> a.send(args.get(0)))));
        fx.server.packetGate(parent, (socket, event, args, ack, delivery) -> {
            seen.add(event + " in " + socket.namespace().name());
            delivery.deliver(event, List.of("gated " + args.get(0)));
        });
        FakeEngineSocket one = fx.connectV5("/g-1");
        FakeEngineSocket two = fx.connectV5("/g-2");
        one.receive("2/g-1,1[\"e\",\"a\"]");
        two.receive("2/g-2,2[\"e\",\"b\"]");
        assertEquals(List.of("e in /g-1", "e in /g-2"), seen);
        assertEquals(List.of("3/g-1,1[\"gated a\"]"), one.texts());
        assertEquals(List.of("3/g-2,2[\"gated b\"]"), two.texts());
    }
}
