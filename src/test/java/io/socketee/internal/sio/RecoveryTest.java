package io.socketee.internal.sio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.Socket;
import io.socketee.internal.protocol.engine.EngineVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Connection state recovery in memory: pid, offsets, what is kept, what is replayed. */
class RecoveryTest {
    private static final Pattern CONNECT = Pattern.compile("0\\{\"sid\":\"([^\"]+)\",\"pid\":\"([^\"]+)\"}");

    private final SioServer server = new SioServer(new SioOptions(Duration.ofSeconds(3), 10, 64, false,
            new SioOptions.Recovery(true, Duration.ofMinutes(2), true)), Runnable::run, new ManualScheduler());
    private final List<Socket> sockets = new ArrayList<>();
    private final List<String> admitted = new ArrayList<>();
    private int sessions;

    RecoveryTest() {
        server.use(s -> admitted.add(s.id()));
        server.onConnection(sockets::add);
    }

    private FakeEngineSocket open() {
        FakeEngineSocket conn = new FakeEngineSocket(String.format("engine%014d", ++sessions), EngineVersion.V4, Map.of());
        server.onConnection(conn);
        return conn;
    }

    private static Matcher connect(String text) {
        Matcher m = CONNECT.matcher(text);
        assertTrue(m.matches(), text);
        return m;
    }

    /** The offset a received event carries as its last argument. */
    private static String offset(String text) {
        int end = text.lastIndexOf('"');
        return text.substring(text.lastIndexOf('"', end - 1) + 1, end);
    }

    @Test
    void aVolatileEventToOneSocketCarriesNoOffsetAndIsNeverReplayed() {
        FakeEngineSocket first = open();
        first.receive("0");
        Matcher hello = connect(first.texts().get(0));
        sockets.get(0).emit("e1");
        assertTrue(sockets.get(0).asVolatile().emit("v", 1));
        List<String> before = first.texts();
        assertTrue(before.get(1).startsWith("2[\"e1\",\""), "a reliable event carries an offset: " + before);
        assertEquals("2[\"v\",1]", before.get(2), "no offset: a volatile event is not kept");
        first.drop("transport close");

        FakeEngineSocket again = open();
        again.receive("0{\"pid\":\"" + hello.group(2) + "\",\"offset\":\"" + offset(before.get(1)) + "\"}");
        List<String> texts = again.texts();
        assertEquals(1, texts.size(), "only the CONNECT, the volatile event is not replayed: " + texts);
        assertEquals(hello.group(1), connect(texts.get(0)).group(1), "recovered");
    }

    @Test
    void aDroppedSocketRecoversItsIdRoomsDataAndMissedEvents() {
        FakeEngineSocket first = open();
        first.receive("0");
        Matcher hello = connect(first.texts().get(0));
        Socket s = sockets.get(0);
        s.join("room");
        s.data().put("user", "ann");
        server.to("room").emit("e1", "x");
        String seen = first.texts().get(1);
        assertTrue(seen.startsWith("2[\"e1\",\"x\",\""), seen);
        first.drop("transport close");
        server.to("room").emit("missed", 1);
        server.except("room").emit("not-for-me");
        server.emitWithAck("asked"); // has an ack id: not stored
        server.asVolatile().emit("volatile"); // not stored

        FakeEngineSocket again = open();
        again.receive("0{\"pid\":\"" + hello.group(2) + "\",\"offset\":\"" + offset(seen) + "\"}");
        List<String> texts = again.texts();
        assertEquals(2, texts.size(), texts.toString());
        assertTrue(texts.get(0).startsWith("2[\"missed\",1,\""), "missed events come before the CONNECT: " + texts);
        Matcher back = connect(texts.get(1));
        assertEquals(hello.group(1), back.group(1), "same sid");
        assertEquals(hello.group(2), back.group(2), "same pid");
        Socket recovered = sockets.get(1);
        assertTrue(recovered.recovered());
        assertEquals(List.of(recovered.id(), "room"), List.copyOf(recovered.rooms()));
        assertEquals("ann", recovered.data().get("user"));
        assertEquals(1, admitted.size(), "middleware skipped on recovery");
    }

    @Test
    void privateEmitsAreStoredAndReplayedToo() {
        FakeEngineSocket first = open();
        first.receive("0");
        Matcher hello = connect(first.texts().get(0));
        sockets.get(0).emit("direct", 1);
        String seen = first.texts().get(1);
        first.drop("ping timeout");
        sockets.get(0).emit("late", 2); // the socket is gone: stored, delivered to nobody
        server.emit("all", 3);
        FakeEngineSocket again = open();
        again.receive("0{\"pid\":\"" + hello.group(2) + "\",\"offset\":\"" + offset(seen) + "\"}");
        assertTrue(again.texts().get(0).startsWith("2[\"late\",2,\""), again.texts().toString());
        assertTrue(again.texts().get(1).startsWith("2[\"all\",3,\""), again.texts().toString());
    }

    @Test
    void aDeliberateDisconnectOrAnUnknownOffsetGivesAFreshSocket() {
        FakeEngineSocket first = open();
        first.receive("0");
        Matcher hello = connect(first.texts().get(0));
        server.emit("e");
        String seen = first.texts().get(1);
        first.receive("1"); // client namespace disconnect: not kept
        FakeEngineSocket again = open();
        again.receive("0{\"pid\":\"" + hello.group(2) + "\",\"offset\":\"" + offset(seen) + "\"}");
        Matcher fresh = connect(again.texts().get(0));
        assertNotEquals(hello.group(1), fresh.group(1));
        assertNotEquals(hello.group(2), fresh.group(2));
        assertFalse(sockets.get(1).recovered());

        again.drop("transport close");
        FakeEngineSocket third = open();
        third.receive("0{\"pid\":\"" + fresh.group(2) + "\",\"offset\":\"nope\"}");
        assertNotEquals(fresh.group(1), connect(third.texts().get(0)).group(1), "offset unknown");
    }
}
