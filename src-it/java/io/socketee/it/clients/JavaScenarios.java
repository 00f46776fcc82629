package io.socketee.it.clients;

import static io.socketee.it.clients.JsonValues.list;
import static io.socketee.it.clients.JsonValues.map;
import static io.socketee.it.clients.JsonValues.plain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socket.parser.Parser;
import io.socketee.it.clients.JavaClient.Received;
import io.socketee.it.clients.JsonValues.Binary;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;

/**
 * The client scenarios of client-scenarios.js, run with the official Java client.
 *
 * <p>One instance runs one scenario: it opens clients through {@link #open} and closes them all
 * in {@link #close()}. Events other runs could also receive carry the instance's tag. Not
 * thread-safe: one test thread drives an instance.
 */
final class JavaScenarios implements AutoCloseable {
    private static final long PING_INTERVAL = 1500;
    private static final long PING_TIMEOUT = 3000;
    private static final long SLACK = 8000;

    private final URI base;
    private final TransportMode mode;
    private final OkHttpClient http;
    private final String tag;
    private final List<JavaClient> clients = new ArrayList<>();

    JavaScenarios(URI base, TransportMode mode, OkHttpClient http, String tag) {
        this.base = base;
        this.mode = mode;
        this.http = http;
        this.tag = tag;
    }

    /** Runs one scenario; throws an AssertionError when the server does not behave. */
    void run(Scenario scenario) throws InterruptedException {
        switch (scenario) {
            case TRANSPORT -> transport();
            case CONNECT_MAIN -> connectMain();
            case CONNECT_CUSTOM_AUTH -> connectCustomAuth();
            case CONNECT_CUSTOM_REFUSED -> connectCustomRefused();
            case EVENTS_AND_ACKS -> eventsAndAcks();
            case BINARY -> binary();
            case ROOM_BROADCAST -> roomBroadcast();
            case BROADCAST_OTHERS -> broadcastOthers();
            case SERVER_DISCONNECT_KEEP_CONNECTION -> serverDisconnect(false);
            case SERVER_DISCONNECT_CLOSE_CONNECTION -> serverDisconnect(true);
            case CLIENT_DISCONNECT -> clientDisconnect();
            case HEARTBEAT_TIMEOUT -> heartbeatTimeout();
        }
    }

    private JavaClient open(String nsp, boolean withToken) {
        JavaClient client = new JavaClient(base, nsp, withToken, mode, tag, http);
        clients.add(client);
        return client;
    }

    private JavaClient connected() {
        return open("/", false).ready();
    }

    private void transport() {
        JavaClient client = open("/", false).ready();
        assertEquals(mode.initialTransport(), client.initialTransport(), "initial transport");
        assertEquals(list("on " + mode.id()), client.call("echo", "on " + mode.id()));
        // an upgrade starts with a probe transport, created when the engine opened, so before the
        // echo's answer: no other transport now means none later
        assertEquals(mode.transports(), client.transportsCreated(), "every transport the client opened, probes included");
        assertEquals(mode.finalTransport(), client.transportName(), "final transport");
        assertEquals(mode.upgrades() ? List.of("websocket") : List.of(), client.upgrades(), "upgrades seen");
        assertEquals(list("after"), client.call("echo", "after"));
    }

    private void connectMain() {
        JavaClient client = connected();
        assertTrue(client.socket().connected());
        assertFalse(client.id() == null || client.id().isEmpty(), "socket id");
        Map<?, ?> handshake = (Map<?, ?>) client.call("handshake").get(0);
        assertEquals("/", handshake.get("nsp"));
        assertEquals(null, handshake.get("token"));
        assertEquals(list(list(client.id())), client.call("rooms"), "a socket starts in its own room only");
    }

    private void connectCustomAuth() {
        JavaClient client = open("/custom", true).ready();
        assertTrue(client.socket().connected());
        assertEquals(list(map("auth", map("token", "secret"), "token", null, "nsp", "/custom")), client.call("handshake"));
        assertEquals(list(list(client.id())), client.call("rooms"), "the socket's own room is its id");
    }

    /**
     * The refused socket shares its connection with a connected one, whose ack comes after
     * anything the server sent before it: by then a wrong "connect" for the refused one would
     * have arrived too.
     */
    private void connectCustomRefused() {
        JavaClient root = connected();
        JavaClient client = root.alongside("/custom");
        clients.add(client);
        assertEquals(plain(map("message", "unauthorized", "data", map("code", 401))), client.refusal());
        assertEquals(list("after"), root.call("echo", "after"));
        assertEquals(List.of(Parser.CONNECT_ERROR), root.packetTypes("/custom"), "the server's packets for /custom: one refusal");
        assertFalse(client.socket().connected());
    }

    private void eventsAndAcks() {
        JavaClient client = connected();
        List<Object> payload = list("text", 42, 1.5, true, null, map("nested", map("list", list(1, "two", map("three", 3)))), list(), map());
        assertEquals(plain(payload), client.call("echo", payload.toArray()), "client->server ack");

        client.record("echo", true);
        client.emit("echo", map("run", tag, "n", 1), "second");
        assertEquals(plain(list(map("run", tag, "n", 1), "second")), client.until("echo").get(0).args(), "echo without ack");

        client.record("pushed", true);
        client.emit("emit-back", "pushed", map("run", tag), "é ü 中 😀", 7);
        assertEquals(plain(list(map("run", tag), "é ü 中 😀", 7)), only(client.until("pushed"), "pushed").args(), "server->client event");

        AtomicReference<List<Object>> asked = new AtomicReference<>();
        client.answer("question", args -> {
            asked.set(args);
            return list("answer", (Long) args.get(0) + 1, map("to", args.get(1)));
        });
        List<Object> answer = client.call("ask", "question", 41, "why");
        assertEquals(plain(list(41, "why")), asked.get(), "server->client ack request arguments");
        assertEquals(plain(list("answer", 42, map("to", "why"))), answer, "server->client ack answer");
    }

    private void binary() {
        JavaClient client = connected();
        Binary a = Binary.of(0, 1, 2, 127, 128, 255);
        Binary empty = Binary.of(new byte[0]);
        byte[] longer = new byte[300];
        for (int i = 0; i < longer.length; i++) {
            longer[i] = (byte) (i * 7);
        }
        Binary c = Binary.of(longer);
        List<Object> args = list(a, map("name", "x", "data", map("deep", empty, "list", list(1, c))), list(c, "s", a), "tail");
        assertEquals(plain(args), client.call("echo", args.toArray()), "binary echoed through an ack");

        client.record("bin", true);
        client.emit("emit-back", "bin", map("run", tag, "payload", list(a, map("inner", c))));
        assertEquals(plain(list(map("run", tag, "payload", list(a, map("inner", c))))), only(client.until("bin"), "bin").args(),
                "server->client binary event");

        AtomicReference<List<Object>> asked = new AtomicReference<>();
        client.answer("binary-question", received -> {
            asked.set(received);
            return list(map("back", Binary.of(9, 8, 7)), list(((Map<?, ?>) received.get(0)).get("data")));
        });
        List<Object> answer = client.call("ask", "binary-question", map("data", c));
        assertEquals(plain(list(map("data", c))), asked.get(), "server->client ack request binary");
        assertEquals(plain(list(map("back", Binary.of(9, 8, 7)), list(c))), answer, "server->client ack answer binary");
    }

    private void roomBroadcast() {
        JavaClient a = connected();
        JavaClient b = connected();
        JavaClient c = connected();
        for (JavaClient client : List.of(a, b, c)) {
            client.record("hello");
            client.record("sentinel");
        }
        assertEquals(list("joined"), a.call("join", "r"));
        assertEquals(list("joined"), b.call("join", "r"));
        assertEquals(sorted(List.of(a.id(), "r")), sorted(a.call("rooms").get(0)), "rooms after join");
        Binary blob = Binary.of(1, 2, 3);
        c.emit("broadcast", "r", "hello", map("run", tag, "n", 1, "blob", blob), "second");
        c.emit("broadcast", null, "sentinel", map("run", tag));
        Object hello = plain(list(map("run", tag, "n", 1, "blob", blob), "second"));
        for (JavaClient member : List.of(a, b)) {
            List<Received> seen = member.until("sentinel");
            assertEquals(List.of("hello", "sentinel"), events(seen), "room member events");
            assertEquals(hello, seen.get(0).args(), "room broadcast payload");
        }
        assertEquals(List.of("sentinel"), events(c.until("sentinel")), "the client outside the room got only the sentinel");

        assertEquals(list("left"), b.call("leave", "r"));
        a.emit("broadcast", "r", "hello", map("run", tag, "n", 2));
        a.emit("broadcast", null, "sentinel", map("run", tag));
        assertEquals(List.of("hello", "sentinel"), events(a.until("sentinel", 2, 2)), "a after b left");
        assertEquals(List.of("sentinel"), events(b.until("sentinel", 2, 2)), "b after leaving");
    }

    private void broadcastOthers() {
        JavaClient a = connected();
        JavaClient b = connected();
        JavaClient c = connected();
        for (JavaClient client : List.of(a, b, c)) {
            List.of("in-room", "to-all", "end").forEach(client::record);
        }
        a.call("join", "r");
        b.call("join", "r");
        a.emit("broadcast-others", "r", "in-room", map("run", tag));
        a.emit("broadcast-others", null, "to-all", map("run", tag));
        a.emit("broadcast", null, "end", map("run", tag));
        assertEquals(List.of("end"), events(a.until("end")), "the sender gets nothing it broadcast to others");
        assertEquals(List.of("in-room", "to-all", "end"), events(b.until("end")), "room member");
        assertEquals(List.of("to-all", "end"), events(c.until("end")), "outside the room");
    }

    private void serverDisconnect(boolean close) throws InterruptedException {
        JavaClient client = connected();
        JavaClient observer = connected();
        String id = client.id();
        client.emit("disconnect-me", close);
        assertEquals("io server disconnect", client.disconnectReason());
        assertFalse(client.socket().connected());
        assertEquals("server namespace disconnect", serverReason(observer, id, JavaClient.STEP.toMillis()));
    }

    private void clientDisconnect() throws InterruptedException {
        JavaClient leaving = connected();
        JavaClient observer = connected();
        String id = leaving.id();
        leaving.socket().disconnect();
        assertEquals("io client disconnect", leaving.disconnectReason());
        assertEquals("client namespace disconnect", serverReason(observer, id, JavaClient.STEP.toMillis()));
    }

    private void heartbeatTimeout() throws InterruptedException {
        JavaClient silent = connected();
        JavaClient observer = connected();
        String id = silent.id();
        silent.silenceHeartbeat();
        assertEquals("ping timeout", serverReason(observer, id, PING_INTERVAL + PING_TIMEOUT + SLACK));
        assertTrue(observer.socket().connected(), "the observer kept answering and is still connected");
        assertEquals(list("alive"), observer.call("echo", "alive"));
    }

    /** Asks {@code observer} for the reason the server saw for {@code socketId} until it has one. */
    private static String serverReason(JavaClient observer, String socketId, long deadlineMs) throws InterruptedException {
        long deadline = System.nanoTime() + deadlineMs * 1_000_000;
        while (true) {
            Object reason = observer.call("last-disconnect", socketId).get(0);
            if (reason != null) {
                return String.valueOf(reason);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("server saw no disconnect of " + socketId + " within " + deadlineMs + " ms");
            }
            Thread.sleep(100);
        }
    }

    private static Received only(List<Received> received, String event) {
        return received.stream().filter(r -> r.event().equals(event)).findFirst().orElseThrow();
    }

    private static List<String> events(List<Received> received) {
        return received.stream().map(Received::event).toList();
    }

    private static List<Object> sorted(Object rooms) {
        return ((List<?>) rooms).stream().map(String::valueOf).sorted().map(Object.class::cast).toList();
    }

    @Override
    public void close() {
        clients.forEach(JavaClient::close);
    }
}
