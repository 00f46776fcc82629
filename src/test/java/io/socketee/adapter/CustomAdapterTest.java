package io.socketee.adapter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.Args;
import io.socketee.Socket;
import io.socketee.internal.sio.FakeEngineSocket;
import io.socketee.internal.sio.SioFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The adapter SPI as an application uses it: an {@link AdapterFactory} whose adapter wraps the
 * in-memory one with a {@link ForwardingAdapter}, sees packets as application values, and hands
 * another server's events to local sockets through its {@link AdapterHost}.
 */
class CustomAdapterTest {
    private final List<Packet> published = new CopyOnWriteArrayList<>();
    private final AtomicReference<AdapterHost> host = new AtomicReference<>();
    private final AtomicReference<Adapter> local = new AtomicReference<>();
    private final SioFixture fx = new SioFixture(scheduler -> (h, l) -> {
        host.set(h);
        local.set(l);
        return new ForwardingAdapter(l) {
            @Override
            public void broadcast(Packet packet, BroadcastOptions options) {
                published.add(packet); // where a cluster adapter would publish it to the other servers
                super.broadcast(packet, options);
            }
        };
    });
    private final List<Socket> sockets = new ArrayList<>();
    private final FakeEngineSocket a;
    private final FakeEngineSocket b;

    CustomAdapterTest() {
        fx.server.onConnection(sockets::add);
        a = fx.connectV5("/");
        b = fx.connectV5("/");
    }

    @Test
    void theAdapterSeesEachBroadcastAsApplicationValuesAndLocalSocketsStillGetIt() {
        fx.server.emit("news", Map.of("n", 1), new byte[] {7, 8});

        assertEquals(1, published.size());
        Packet p = published.get(0);
        assertEquals("/", p.namespace());
        assertEquals(OptionalLong.empty(), p.ackId());
        assertEquals("news", p.data().get(0));
        assertEquals(Map.of("n", 1L), p.data().get(1), "numbers as Args gives them: integral ones as Long");
        assertArrayEquals(new byte[] {7, 8}, (byte[]) p.data().get(2));
        assertEquals("51-[\"news\",{\"n\":1},{\"_placeholder\":true,\"num\":0}]", a.texts().get(0));
        assertEquals(a.texts(), b.texts());
    }

    @Test
    void anEventFromAnotherServerReachesOnlyTheSelectedLocalSockets() {
        sockets.get(1).join("room");
        Packet remote = host.get().event(List.of("remote", Map.of("from", "elsewhere")));

        local.get().broadcast(remote, new BroadcastOptions(Set.of("room"), Set.of(), false));

        assertEquals(List.of(), a.texts());
        assertEquals(List.of("2[\"remote\",{\"from\":\"elsewhere\"}]"), b.texts());
        assertEquals(List.of(), published, "delivered locally, not sent on again");
    }

    @Test
    void aBroadcastWithAcksFromAnotherServerCountsAndCollectsTheLocalAnswers() {
        Packet ask = host.get().eventWithAck(List.of("question"));
        long id = ask.ackId().orElseThrow();
        List<Integer> counts = new CopyOnWriteArrayList<>();
        List<Args> answers = new CopyOnWriteArrayList<>();

        local.get().broadcastWithAck(ask, BroadcastOptions.ALL, new BroadcastAck() {
            @Override
            public void expect(int count) {
                counts.add(count);
            }

            @Override
            public void answered(Args answer) {
                answers.add(answer);
            }

            @Override
            public void lost() {
            }
        });
        a.receive("3" + id + "[\"yes\"]");
        b.receive("3" + id + "[\"no\",2]");

        assertEquals(List.of("2" + id + "[\"question\"]"), a.texts());
        assertEquals(List.of(2), counts);
        assertEquals(List.of(List.of("yes"), List.of("no", 2L)), answers.stream().map(List::copyOf).toList());
    }

    @Test
    void aServerSideEventFromAnotherServerRunsTheListenersAndItsAnswerGoesBackAsAValue() {
        fx.server.of("/").onServerSideEmit("hello", (args, ack) -> ack.orElseThrow().send(Map.of("got", args.get(0))));
        List<Object> replies = new CopyOnWriteArrayList<>();

        host.get().receiveServerSideEmit(List.of("hello", "node-2"), replies::add);

        assertEquals(List.of(Map.of("got", "node-2")), replies);
    }

    @Test
    void remoteAnswersBecomeEventArguments() {
        Args args = host.get().args(List.of("x", 3, Map.of("k", true)));

        assertEquals(List.of("x", 3L, Map.of("k", true)), List.copyOf(args));
        assertEquals(3, args.get(1, Integer.class));
    }

    @Test
    void everyCallTheForwardingAdapterDoesNotOverrideReachesTheWrappedOne() {
        Socket s = sockets.get(0);
        s.join("r");
        Adapter adapter = new ForwardingAdapter(local.get()) {
        };

        assertTrue(adapter.sockets(Set.of("r")).contains(s.id()));
        assertEquals(Set.of(s.id(), "r"), adapter.socketRooms(s.id()));
        assertEquals(1, adapter.serverCount());
        adapter.addSockets(new BroadcastOptions(Set.of("r"), Set.of(), false), List.of("extra"));
        assertEquals(Set.of(s.id()), adapter.sockets(Set.of("extra")));
        adapter.disconnectSockets(new BroadcastOptions(Set.of("extra"), Set.of(), false), false);
        assertEquals(Set.of(), adapter.sockets(Set.of("extra")));
    }
}
