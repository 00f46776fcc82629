package io.socketee.internal.adapter.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.socketee.adapter.BroadcastOptions;
import io.socketee.adapter.Packet;
import io.socketee.internal.adapter.NamespaceHost;
import io.socketee.internal.adapter.WirePacket;
import io.socketee.internal.protocol.json.Json;
import io.socketee.internal.protocol.socketio.SocketIoPacket;
import io.socketee.internal.protocol.socketio.SocketIoPacketType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Room membership and broadcast selection of the in-memory adapter. */
class InMemoryAdapterTest {
    private final List<String> encodes = new ArrayList<>();
    private final Map<String, List<Object>> delivered = new LinkedHashMap<>();
    private final Set<String> connected = Set.of("a", "b", "c");
    private final List<String> roomChanges = new ArrayList<>();
    private final NamespaceHost host = new NamespaceHost() {
        @Override
        public void roomJoined(String room, String sid) {
            roomChanges.add("+" + room + ":" + sid);
        }

        @Override
        public void roomLeft(String room, String sid) {
            roomChanges.add("-" + room + ":" + sid);
        }

        @Override
        public String name() {
            return "/";
        }

        @Override
        public WirePacket packet(SocketIoPacket p) {
            return WirePacket.of(p, this);
        }

        @Override
        public List<Object> encode(SocketIoPacket p) {
            encodes.add(p.type().name());
            return List.of("encoded");
        }

        @Override
        public java.util.Optional<io.socketee.Socket> socket(String sid) {
            return java.util.Optional.empty();
        }

        @Override
        public boolean deliver(String sid, Packet p, BroadcastOptions options, io.socketee.adapter.BroadcastAck ack) {
            if (!connected.contains(sid)) {
                return false;
            }
            delivered.put(sid, ((WirePacket) p).messages());
            return true;
        }

        @Override
        public Packet event(List<Object> data) {
            throw new UnsupportedOperationException("not used by the in-memory adapter");
        }

        @Override
        public Packet eventWithAck(List<Object> data) {
            throw new UnsupportedOperationException("not used by the in-memory adapter");
        }

        @Override
        public long nextAckId() {
            return 0;
        }

        @Override
        public Json.Arr toJson(List<Object> values) {
            throw new UnsupportedOperationException("not used by the in-memory adapter");
        }

        @Override
        public Object toJava(Json value) {
            throw new UnsupportedOperationException("not used by the in-memory adapter");
        }

        @Override
        public io.socketee.Args jsonArgs(List<Json> values) {
            throw new UnsupportedOperationException("not used by the in-memory adapter");
        }

        @Override
        public io.socketee.Args args(List<Object> values) {
            throw new UnsupportedOperationException("not used by the in-memory adapter");
        }

        @Override
        public void receiveServerSideEmit(List<Object> data, java.util.function.Consumer<Object> reply) {
            throw new UnsupportedOperationException("not used by the in-memory adapter");
        }

        @Override
        public void receiveServerSideJson(Json.Arr data, java.util.function.Consumer<Json> reply) {
            throw new UnsupportedOperationException("not used by the in-memory adapter");
        }
    };
    private final InMemoryAdapter adapter = new InMemoryAdapter(host);
    private final SocketIoPacket packet =
            new SocketIoPacket(SocketIoPacketType.EVENT, "/", SocketIoPacket.NO_ID, Json.arr(Json.of("e")));

    private List<String> broadcast(Set<String> rooms, Set<String> except) {
        delivered.clear();
        adapter.broadcast(host.packet(packet), new BroadcastOptions(rooms, except, false));
        return List.copyOf(delivered.keySet());
    }

    @Test
    void membershipKeepsJoinOrderAndEmptyRoomsVanish() {
        adapter.addAll("a", List.of("a", "r1", "r2"));
        adapter.addAll("b", List.of("b", "r1"));
        adapter.del("a", "r1");
        assertEquals(List.of("a", "r2"), List.copyOf(adapter.socketRooms("a")));
        assertEquals(Set.of("b"), adapter.sockets(Set.of("r1")));
        adapter.delAll("b");
        assertEquals(Set.of(), adapter.sockets(Set.of("r1")));
        assertEquals(Set.of(), adapter.socketRooms("b"));
        assertEquals(Set.of("a"), adapter.sockets(Set.of()));
    }

    @Test
    void theHostHearsOfEachRoomASocketEntersOrLeavesAndOfNoOtherCall() {
        adapter.addAll("a", List.of("a", "r1"));
        adapter.addAll("a", List.of("r1", "r2"));
        adapter.del("a", "r2");
        adapter.del("a", "r2");
        adapter.delAll("a");
        adapter.delAll("a");
        assertEquals(List.of("+a:a", "+r1:a", "+r2:a", "-r2:a", "-a:a", "-r1:a"), roomChanges);
    }

    @Test
    void broadcastSelectsByRoomsAndExceptions() {
        adapter.addAll("a", List.of("a", "r"));
        adapter.addAll("b", List.of("b", "r", "s"));
        adapter.addAll("c", List.of("c", "s"));
        adapter.addAll("ghost", List.of("ghost", "r"));
        assertEquals(List.of("a", "b", "c"), broadcast(Set.of(), Set.of()));
        assertEquals(List.of("a", "b"), broadcast(Set.of("r"), Set.of()));
        assertEquals(List.of("b", "c", "a"), broadcast(new LinkedHashSet<>(List.of("s", "r")), Set.of()));
        assertEquals(List.of("a"), broadcast(Set.of("r"), Set.of("s")));
        assertEquals(List.of("b", "c"), broadcast(Set.of(), Set.of("a")));
        assertEquals(List.of(), broadcast(Set.of("nobody"), Set.of()));
    }

    @Test
    void broadcastEncodesOnceForAllRecipients() {
        adapter.addAll("a", List.of("a"));
        adapter.addAll("b", List.of("b"));
        broadcast(Set.of(), Set.of());
        assertEquals(1, encodes.size());
        assertSame(delivered.get("a"), delivered.get("b"));
    }
}
