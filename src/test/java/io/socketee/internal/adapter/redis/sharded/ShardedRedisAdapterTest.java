package io.socketee.internal.adapter.redis.sharded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.Socket;
import io.socketee.internal.metrics.MetricsRecorder;
import io.socketee.internal.sio.FakeEngineSocket;
import io.socketee.internal.sio.SioFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The sharded adapter over an in-memory cluster, in each subscription mode: which channel each
 * message goes on, which room channels a server subscribes to while it has sockets in the room,
 * and that what is published reaches the right sockets of the other servers.
 */
class ShardedRedisAdapterTest {
    private final InMemoryShardedBus cluster = new InMemoryShardedBus();

    /** One cluster member. */
    private final class Node {
        final SioFixture fx;
        final List<Socket> sockets = new ArrayList<>();

        Node(SubscriptionMode mode) {
            ShardedOptions options = new ShardedOptions("socket.io", mode, Duration.ofSeconds(3));
            ShardedBus bus = cluster.node();
            fx = new SioFixture(scheduler -> new ShardedRedisAdapters(bus, options, scheduler, MetricsRecorder.NONE));
            fx.server.onConnection(sockets::add);
        }

        FakeEngineSocket client() {
            return fx.connectV5("/");
        }
    }

    private static Set<String> roomChannels(Set<String> subscriptions) {
        Set<String> rooms = new java.util.TreeSet<>();
        for (String c : subscriptions) {
            // socket.io#/#room# (the namespace's is socket.io#/#, a response channel's a 16-hex uid)
            String rest = c.substring("socket.io#/#".length());
            if (!rest.isEmpty() && !rest.matches("[0-9a-f]{16}#")) {
                rooms.add(rest.substring(0, rest.length() - 1));
            }
        }
        return rooms;
    }

    @Test
    void staticModeSendsEverythingOnTheNamespaceChannelAndSubscribesToNoRoom() {
        Node a = new Node(SubscriptionMode.STATIC);
        Node b = new Node(SubscriptionMode.STATIC);
        FakeEngineSocket inRoom = b.client();
        FakeEngineSocket outside = b.client();
        b.sockets.get(0).join("team");

        a.fx.server.to("team").emit("hi", 1);
        cluster.deliverAll();

        assertEquals(List.of("socket.io#/#"), cluster.published);
        assertEquals(Set.of(), roomChannels(cluster.subscriptions(1)));
        assertEquals(List.of("2[\"hi\",1]"), inRoom.texts());
        assertEquals(List.of(), outside.texts());
    }

    @Test
    void dynamicModeFollowsPublicRoomsOnlyAndSendsOneRoomBroadcastsOnTheRoomsChannel() {
        Node a = new Node(SubscriptionMode.DYNAMIC);
        Node b = new Node(SubscriptionMode.DYNAMIC);
        FakeEngineSocket inRoom = b.client();
        FakeEngineSocket outside = b.client();
        Socket member = b.sockets.get(0);
        assertEquals(20, member.id().length(), "socket ids are 20 characters long, as Node's");
        member.join("team");
        assertEquals(Set.of("team"), roomChannels(cluster.subscriptions(1)), "not the sockets' own rooms");

        a.fx.server.to("team").emit("hi", 1);
        a.fx.server.to(member.id()).emit("you");
        a.fx.server.to(List.of("team", "other")).emit("two");
        cluster.deliverAll();

        assertEquals(List.of("socket.io#/#team#", "socket.io#/#", "socket.io#/#"), cluster.published,
                "one public room: its channel; a socket id or two rooms: the namespace's");
        assertEquals(List.of("2[\"hi\",1]", "2[\"you\"]", "2[\"two\"]"), inRoom.texts());
        assertEquals(List.of(), outside.texts());

        member.leave("team");
        assertEquals(Set.of(), roomChannels(cluster.subscriptions(1)), "the room is gone here: unsubscribed");
        a.fx.server.to("team").emit("gone");
        cluster.deliverAll();
        assertEquals(3, inRoom.texts().size(), "nothing more: the socket left the room");
    }

    @Test
    void dynamicPrivateModeAlsoFollowsTheSocketsOwnRoomsUntilTheyLeave() {
        Node a = new Node(SubscriptionMode.DYNAMIC_PRIVATE);
        Node b = new Node(SubscriptionMode.DYNAMIC_PRIVATE);
        FakeEngineSocket client = b.client();
        Socket socket = b.sockets.get(0);
        assertEquals(Set.of(socket.id()), roomChannels(cluster.subscriptions(1)));

        a.fx.server.to(socket.id()).emit("you");
        cluster.deliverAll();
        assertEquals(List.of("socket.io#/#" + socket.id() + "#"), cluster.published);
        assertEquals(List.of("2[\"you\"]"), client.texts());

        socket.disconnect(true);
        assertTrue(roomChannels(cluster.subscriptions(1)).isEmpty(), "its room went with it");
    }

    @Test
    void aBroadcastWithAcksToOneRoomGoesToEveryServerAsItsAnswersAreCountedOverAll() {
        Node a = new Node(SubscriptionMode.DYNAMIC);
        Node b = new Node(SubscriptionMode.DYNAMIC);
        b.client();
        b.sockets.get(0).join("team");

        a.fx.server.to("team").timeout(Duration.ofSeconds(1)).emitWithAck("q");
        assertEquals(List.of("socket.io#/#"), cluster.published);
        assertFalse(cluster.published.contains("socket.io#/#team#"));
    }
}
