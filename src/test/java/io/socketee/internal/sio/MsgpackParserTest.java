package io.socketee.internal.sio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.Args;
import io.socketee.Socket;
import io.socketee.internal.protocol.engine.EngineVersion;
import io.socketee.internal.protocol.json.Json;
import io.socketee.internal.protocol.socketio.MsgpackPacketDecoder;
import io.socketee.internal.protocol.socketio.MsgpackPacketEncoder;
import io.socketee.internal.protocol.socketio.SocketIoPacket;
import io.socketee.internal.protocol.socketio.SocketIoPacketType;
import io.socketee.internal.protocol.socketio.SocketIoParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** A server with {@code socketio.parser=msgpack}: packets in and out as binary msgpack messages. */
class MsgpackParserTest {
    private final SioFixture fx = new SioFixture(new SioOptions(SioFixture.CONNECT_TIMEOUT, 10, 64)
            .withParser(SocketIoParser.MSGPACK));
    private final List<Socket> sockets = new ArrayList<>();

    MsgpackParserTest() {
        fx.server.of("/chat").onConnection(sockets::add);
    }

    private static byte[] packet(SocketIoPacketType type, String nsp, long id, Json data) {
        return MsgpackPacketEncoder.encode(new SocketIoPacket(type, nsp, id, data));
    }

    private static List<SocketIoPacket> decoded(FakeEngineSocket conn) {
        List<SocketIoPacket> packets = new ArrayList<>();
        for (Object message : conn.sent()) {
            byte[] bytes = assertInstanceOf(byte[].class, message, "every message is binary");
            packets.add(new MsgpackPacketDecoder(64).addBinary(bytes).orElseThrow());
        }
        return packets;
    }

    private FakeEngineSocket connect() {
        FakeEngineSocket conn = fx.open(EngineVersion.V4);
        conn.receive(packet(SocketIoPacketType.CONNECT, "/chat", SocketIoPacket.NO_ID, null));
        List<SocketIoPacket> answer = decoded(conn);
        assertEquals(1, answer.size());
        assertEquals(SocketIoPacketType.CONNECT, answer.get(0).type());
        assertEquals(Json.of(sockets.get(0).id()), ((Json.Obj) answer.get(0).data()).fields().get("sid"));
        conn.clear();
        return conn;
    }

    @Test
    void eventsAndAcksWithBinaryTravelBothWaysAsOneMessageEach() {
        FakeEngineSocket conn = connect();
        List<Args> seen = new ArrayList<>();
        sockets.get(0).on("echo", (s, args, ack) -> {
            seen.add(args);
            ack.orElseThrow().send(args.toArray());
        });
        Json data = Json.arr(Json.of("echo"), new Json.Obj(Map.of("n", Json.arr(Json.of(1), Json.of(2.5)))),
                new Json.Bin(new byte[] {1, 2, 3}));
        conn.receive(packet(SocketIoPacketType.EVENT, "/chat", 4, data));
        Object fromJson = fx.server.mapper().toJava(io.socketee.internal.protocol.json.JsonParser.parse(
                "{\"n\":[1,2.5]}", 64));
        assertEquals(fromJson, seen.get(0).get(0), "the values the JSON path gives");
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) seen.get(0).get(1), "binary as with attachments");
        assertEquals(List.of(new SocketIoPacket(SocketIoPacketType.ACK, "/chat", 4, Json.arr(
                new Json.Obj(Map.of("n", Json.arr(Json.of(1), Json.of(2.5)))), new Json.Bin(new byte[] {1, 2, 3})))),
                decoded(conn));
        conn.clear();
        CompletableFuture<Args> answer = sockets.get(0).emitWithAck("q", (Object) new byte[] {9}).toCompletableFuture();
        SocketIoPacket out = decoded(conn).get(0);
        assertEquals(Json.arr(Json.of("q"), new Json.Bin(new byte[] {9})), out.data());
        conn.receive(packet(SocketIoPacketType.ACK, "/chat", out.id(), Json.arr(new Json.Bin(new byte[] {8}))));
        assertArrayEquals(new byte[] {8}, (byte[]) answer.join().get(0));
        assertNull(conn.closedWith());
    }

    @Test
    void aDefaultParserClientIsClosedAndTheLogSaysWhyOnce() {
        List<LogRecord> records = new ArrayList<>();
        Logger log = Logger.getLogger(ParserMismatchLog.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level before = log.getLevel();
        log.setLevel(Level.FINE);
        log.addHandler(handler);
        try {
            FakeEngineSocket first = fx.open(EngineVersion.V4);
            first.receive("0/chat,");
            FakeEngineSocket second = fx.open(EngineVersion.V4);
            second.receive("0");
            assertEquals("forced close", first.closedWith());
            assertEquals("forced close", second.closedWith());
            assertEquals(List.of(Level.WARNING, Level.FINE), records.stream().map(LogRecord::getLevel).toList());
            String text = records.get(0).getMessage();
            assertTrue(text.startsWith("Socket.IO parser mismatch: closed connection " + first.id()), text);
            assertTrue(text.contains("socketio.parser=msgpack"), text);
        } finally {
            log.removeHandler(handler);
            log.setLevel(before);
        }
    }

    @Test
    void aMsgpackClientOfADefaultServerIsNamedInTheLog() {
        ParserMismatchLog log = new ParserMismatchLog(SocketIoParser.DEFAULT);
        String text = log.text("sid1", "sent binary", true);
        assertTrue(text.contains("set socketio.parser=msgpack"), text);
    }
}
