package io.socketee.internal.adapter.redis;

import io.socketee.internal.protocol.json.Json;
import java.util.List;
import java.util.Optional;

/**
 * Every message of the classic Redis protocol, as records: broadcasts on the broadcast channels,
 * requests on the request channel, responses on the response channels. {@link ClassicCodec}
 * turns them into the exact bytes Node's adapter and emitter write, and back. Immutable.
 */
public sealed interface ClassicMessage {

    /** Who a broadcast or request targets: sockets in any of {@code rooms} (all when empty), minus {@code except}. */
    record Target(List<String> rooms, List<String> except) {
        /** Everyone. */
        public static final Target ALL = new Target(List.of(), List.of());

        public Target {
            rooms = List.copyOf(rooms);
            except = List.copyOf(except);
        }
    }

    /**
     * A broadcast, {@code [uid, {type:2, data, nsp}, {rooms, except, flags}]} in msgpack.
     *
     * @param uid the sending node ("emitter" for the emitter)
     * @param nsp the namespace of the packet
     * @param data {@code [event, ...args]}
     * @param target rooms and exceptions
     * @param flags volatile, compress, timeout...; unknown flags are kept
     */
    record Broadcast(String uid, String nsp, Json.Arr data, Target target, Json.Obj flags) implements ClassicMessage {
    }

    /** A request: every type has a code and maybe a sender uid (the emitter sends none). */
    sealed interface Request extends ClassicMessage {
        /** The protocol's request type code. */
        int type();

        /** The sender's uid; absent in the emitter's join, leave and disconnect requests. */
        Optional<String> uid();
    }

    /** Type 0, legacy {@code sockets(rooms)}: ids of the sockets in the rooms. */
    record Sockets(Optional<String> uid, String requestId, List<String> rooms) implements Request {
        @Override
        public int type() {
            return 0;
        }
    }

    /** Type 1: every room of every node. */
    record AllRooms(Optional<String> uid, String requestId) implements Request {
        @Override
        public int type() {
            return 1;
        }
    }

    /** Type 2: matching sockets join {@code rooms} ({@code socketsJoin}). */
    record SocketsJoin(Optional<String> uid, Target target, List<String> rooms) implements Request {
        @Override
        public int type() {
            return 2;
        }
    }

    /** Type 3: matching sockets leave {@code rooms} ({@code socketsLeave}). */
    record SocketsLeave(Optional<String> uid, Target target, List<String> rooms) implements Request {
        @Override
        public int type() {
            return 3;
        }
    }

    /** Type 4: matching sockets are disconnected ({@code disconnectSockets}). */
    record DisconnectSockets(Optional<String> uid, Target target, boolean close) implements Request {
        @Override
        public int type() {
            return 4;
        }
    }

    /**
     * Types 2, 3 and 4 in their legacy one-socket form ({@code remoteJoin(sid, room)} and so on),
     * which Node 8.x still answers: the owner of {@code sid} acts and answers {@code {requestId}}.
     */
    record LegacySocketRequest(int type, Optional<String> uid, String requestId, String sid,
            Optional<String> room, boolean close) implements Request {
    }

    /** Type 5: descriptions of the matching sockets ({@code fetchSockets}). */
    record FetchSockets(Optional<String> uid, String requestId, Target target) implements Request {
        @Override
        public int type() {
            return 5;
        }
    }

    /** Type 6: an event for the other servers, with an ack when {@code requestId} is present. */
    record ServerSideEmit(Optional<String> uid, Optional<String> requestId, Json.Arr data) implements Request {
        @Override
        public int type() {
            return 6;
        }
    }

    /** Type 7 (msgpack): a broadcast whose clients' acks come back as responses 8 and 9. */
    record BroadcastWithAck(Optional<String> uid, String requestId, String nsp, Json.Arr data, Target target,
            Json.Obj flags) implements Request {
        @Override
        public int type() {
            return 7;
        }
    }

    /** A response; every one names the request it answers. */
    sealed interface Response extends ClassicMessage {
        /** The id of the request answered. */
        String requestId();
    }

    /** Answer to type 0 or 5: socket ids (type 0) or socket descriptions (type 5). */
    record SocketsResponse(String requestId, Json.Arr sockets) implements Response {
    }

    /** Answer to type 1. */
    record RoomsResponse(String requestId, List<String> rooms) implements Response {
    }

    /** Answer to a legacy one-socket request: just {@code {requestId}}. */
    record Done(String requestId) implements Response {
    }

    /** Answer to a type 6 with ack: {@code {type:6, requestId, data}}, the first ack argument. */
    record ServerSideEmitResponse(String requestId, Json data) implements Response {
    }

    /** Type 8: how many clients a node asked for acks, also when 0. */
    record BroadcastClientCount(String requestId, int clientCount) implements Response {
    }

    /** Type 9 (msgpack): one client's ack, its first argument. */
    record BroadcastAck(String requestId, Json packet) implements Response {
    }
}
