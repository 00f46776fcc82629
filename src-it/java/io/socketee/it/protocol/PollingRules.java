package io.socketee.it.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SubmissionPublisher;

import org.junit.jupiter.api.Test;

import io.socketee.it.protocol.support.Payloads;
import io.socketee.it.protocol.support.PollingSession;
import io.socketee.it.protocol.support.RawHttpConnection;
import io.socketee.it.protocol.support.RawPolling;
import io.socketee.it.protocol.support.RawResponse;
import io.socketee.it.protocol.support.RawWebSocket;
import io.socketee.it.protocol.support.Wire;

/**
 * HTTP long-polling (engine.io-protocol v4 "HTTP long-polling" and "Packet encoding", v3
 * "Payload" and "Polling"). Sessions are connected to "/" first where the test needs the
 * contract's {@code echo} event, so echoed packets prove what the server decoded.
 */
public abstract class PollingRules extends ProtocolRules {

    private static final String BINARY_ECHO = "451-[\"echo\",{\"_placeholder\":true,\"num\":0}]";

    /** A connected v4 session whose CONNECT answer has been consumed. */
    private PollingSession connectedV4() {
        PollingSession session = pollingV4();
        Wire.assertMasked("40{\"sid\":\"<sid>\"}", session.connectMain());
        return session;
    }

    /** v4: packets queued while no GET was pending come in one body, separated by \x1e. */
    @Test
    public void getReturnsQueuedPacketsSeparatedByRecordSeparator() {
        PollingSession session = connectedV4();

        session.send("42[\"echo\",\"a\"]", "42[\"echo\",\"b\"]", "42[\"echo\",{\"x\":1}]");
        pause(SETTLE); // let all three echoes queue before polling

        assertEquals("42[\"echo\",\"a\"]\u001e42[\"echo\",\"b\"]\u001e42[\"echo\",{\"x\":1}]", session.getText());
    }

    /** v4: a POST answers 200, exactly {@code text/html} and {@code ok}. */
    @Test
    public void postIsAnsweredOkAsTextHtml() {
        PollingSession session = pollingV4();

        RawResponse r = session.post("40");

        assertEquals(200, r.status());
        assertEquals("text/html", r.headerOrAbsent("content-type"));
        assertEquals("ok", r.text());
    }

    /** Every polling data response is UTF-8 text that must not be cached. */
    @Test
    public void getWithPacketsIsUtf8PlainTextThatIsNotCached() {
        PollingSession session = pollingV4();
        session.send("40");

        RawResponse r = session.get();

        assertEquals(200, r.status());
        assertContentType("text/plain; charset=UTF-8", r);
        assertEquals("no-store", r.headerOrAbsent("cache-control"));
    }

    /**
     * A POST whose third packet is malformed closes the session, and the Socket.IO packets before
     * it are not handled either: the reference's engine emits them, but its Socket.IO layer runs
     * handlers on the next tick, when the socket is already gone. Another client's broadcast sent
     * afterwards is the first thing the observer receives.
     */
    @Test
    public void aPostWithAMalformedPacketClosesTheSessionAndItsEventsAreNotHandled() {
        PollingSession session = connectedV4();
        RawWebSocket observer = webSocketV4Connected();

        session.post("42[\"broadcast\",null,\"news\",1]\u001e42[\"broadcast\",null,\"news\",2]\u001ez-bad");
        observer.send("42[\"broadcast\",null,\"news\",\"marker\"]");

        assertEquals("42[\"news\",\"marker\"]", observer.nextTextAnsweringPings());
        assertSessionGone(session);
    }

    /** v4: one POST may carry several packets; they are handled in order. */
    @Test
    public void postWithSeveralPacketsIsProcessedInOrder() {
        PollingSession session = connectedV4();

        session.send("421[\"echo\",\"a\"]", "42[\"echo\",\"b\"]", "423[\"echo\",\"c\"]");

        assertEquals(List.of("431[\"a\"]", "42[\"echo\",\"b\"]", "433[\"c\"]"), session.collect(3));
    }

    /** v4: binary data travels as {@code b<base64>} packets, in both directions. */
    @Test
    public void binaryAttachmentsArePolledAsBase64WithBPrefix() {
        PollingSession session = connectedV4();

        session.send(BINARY_ECHO, "bAQIDBA==");
        pause(SETTLE);

        assertEquals(BINARY_ECHO + "\u001ebAQIDBA==", session.getText());
    }

    /** v4: a binary ({@code application/octet-stream}) POST body is invalid: 400 and the session ends. */
    @Test
    public void binaryPostBodyIsRefusedInV4() {
        PollingSession session = pollingV4();

        RawResponse r = session.http().post(session.query(), Payloads.bytes(4, 1, 2, 3), "application/octet-stream");

        assertEquals(400, r.status());
        assertEquals(0, r.body().length);
        assertSessionGone(session);
    }

    /**
     * A second GET while one is pending closes the session: the second gets 400 with an empty
     * body, the pending one is released with a close packet {@code 1}.
     */
    @Test
    public void secondConcurrentGetClosesSession() {
        PollingSession session = pollingV4();
        CompletableFuture<RawResponse> first = session.getAsync();
        pause(SETTLE);

        RawResponse second = session.get();
        RawResponse released = RawPolling.await(first);

        assertEquals(400, second.status(), second::toString);
        assertEquals("", second.text());
        assertEquals(200, released.status(), released::toString);
        assertEquals("1", released.text());
        assertSessionGone(session);
    }

    /**
     * A POST while another is still being received closes the session: the second gets 400
     * with an empty body. What the first one gets is unspecified: the reference destroys its
     * connection, so it is only awaited here (any outcome), not asserted.
     */
    @Test
    public void overlappingPostsCloseSession() {
        PollingSession session = connectedV4();
        SubmissionPublisher<ByteBuffer> slowBody = new SubmissionPublisher<>();
        CompletableFuture<RawResponse> first = session.http().postStreamed(session.query(), slowBody);
        awaitSubscriber(slowBody);
        slowBody.submit(ByteBuffer.wrap("42[\"echo\",".getBytes(StandardCharsets.UTF_8)));
        pause(SETTLE);

        RawResponse second = session.post("42[\"echo\",\"second\"]");
        slowBody.submit(ByteBuffer.wrap("\"first\"]".getBytes(StandardCharsets.UTF_8)));
        slowBody.close();

        assertEquals(400, second.status(), second::toString);
        assertEquals("", second.text());
        RawPolling.failedWithIo(first); // wait for it to end, however it ends
        assertSessionGone(session);
    }

    /**
     * Waits until the HTTP client has subscribed to a streamed body: a SubmissionPublisher drops
     * what is submitted before, and a server may hold a chunked request until its first chunk
     * (Payara Micro does), so a dropped first chunk would leave the POST unstarted.
     */
    private static void awaitSubscriber(SubmissionPublisher<?> body) {
        for (int i = 0; i < 250 && body.getNumberOfSubscribers() == 0; i++) {
            pause(Duration.ofMillis(20));
        }
        assertEquals(1, body.getNumberOfSubscribers(), "the HTTP client subscribed to the streamed body");
    }

    /** A POST body over maxHttpBufferSize (1e6 bytes) gets 413 with an empty body; the session lives on. */
    @Test
    public void postOverMaxHttpBufferSizeIsRefusedWith413() {
        PollingSession session = pollingV4();

        RawResponse r = session.post("4" + "x".repeat(Wire.MAX_PAYLOAD));

        assertEquals(413, r.status());
        assertEquals(0, r.body().length);
        Wire.assertMasked("40{\"sid\":\"<sid>\"}", session.connectMain());
    }

    /**
     * A chunked POST body that passes maxHttpBufferSize while it is still arriving gets 413 at
     * once, without waiting for its end (this one has none); the session lives on.
     */
    @Test
    public void chunkedPostPassingMaxHttpBufferSizeIsRefusedWith413AndTheSessionLivesOn() {
        PollingSession session = pollingV4();
        RawResponse r;
        try (RawHttpConnection c = RawHttpConnection.open(baseUrl())) {
            c.write(c.head("POST", session.query(), "Content-Type: text/plain;charset=UTF-8",
                    "Transfer-Encoding: chunked"));
            String chunk = "4" + "x".repeat(0xffff);
            try {
                for (int sent = 0; sent <= Wire.MAX_PAYLOAD; sent += chunk.length()) {
                    c.write("10000\r\n" + chunk + "\r\n");
                }
            } catch (java.io.UncheckedIOException e) {
                // the server may stop reading once it has seen enough: its answer tells
            }
            r = c.readResponse(RawHttpConnection.READ_TIMEOUT)
                    .orElseThrow(() -> new AssertionError("the connection was closed without an answer"));
        }

        assertEquals(413, r.status(), r::toString);
        Wire.assertMasked("40{\"sid\":\"<sid>\"}", session.connectMain());
    }

    /**
     * A POST whose body ends before its Content-Length (5 of 100 bytes, then the client ends its
     * side of the connection): 400, and the session closes with "transport error". A server that
     * closes the connection when the client ends its side ({@link #answersAfterTheClientEndsItsSide})
     * cannot answer; the session must close all the same.
     */
    @Test
    public void postWhoseBodyEndsBeforeItsContentLengthGets400AndClosesTheSession() {
        PollingSession session = pollingV4();
        String socketId = Wire.sidIn(session.connectMain());
        java.util.Optional<RawResponse> r;
        try (RawHttpConnection c = RawHttpConnection.open(baseUrl())) {
            c.write(c.head("POST", session.query(), "Content-Type: text/plain;charset=UTF-8", "Content-Length: 100")
                    + "42[\"e");
            c.halfClose();
            r = c.readResponse(RawHttpConnection.READ_TIMEOUT);
        }

        if (r.isPresent() || answersAfterTheClientEndsItsSide()) {
            RawResponse answer = r.orElseThrow(() -> new AssertionError("the connection was closed without an answer"));
            assertEquals(400, answer.status(), answer::toString);
        }
        assertEquals("transport error", awaitDisconnectReason(socketId));
        assertSessionGone(session);
    }

    /**
     * A POST whose connection drops in the middle of its body closes the session with "transport
     * error" at once (not "ping timeout" later): nothing of it is left waiting.
     */
    @Test
    public void postWhoseConnectionDropsMidBodyClosesTheSessionWithTransportError() {
        PollingSession session = pollingV4();
        String socketId = Wire.sidIn(session.connectMain());
        try (RawHttpConnection c = RawHttpConnection.open(baseUrl())) {
            c.write(c.head("POST", session.query(), "Content-Type: text/plain;charset=UTF-8", "Content-Length: 100")
                    + "42[\"e");
            pause(SETTLE); // the server is reading the body when the connection drops
        }

        assertEquals("transport error", awaitDisconnectReason(socketId));
        assertSessionGone(session);
    }

    /**
     * Whether the server under test can still answer a request after its client ended its side of
     * the connection (half-close): the reference and most servers can; Payara Micro's Grizzly
     * closes the connection instead (docs/deployment.md).
     */
    protected boolean answersAfterTheClientEndsItsSide() {
        return true;
    }

    /**
     * The reason the server gave for a socket's disconnection, asked on another connection
     * ({@code last-disconnect}) until it has one, for a few seconds at most.
     */
    private String awaitDisconnectReason(String socketId) {
        RawWebSocket observer = webSocketV4Connected();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        for (int ack = 1; System.nanoTime() < deadline; ack++) {
            observer.send("42" + ack + "[\"last-disconnect\",\"" + socketId + "\"]");
            String answer = observer.nextTextAnsweringPings();
            assertEquals("43" + ack, answer.substring(0, ("43" + ack).length()), answer);
            String reason = answer.substring(("43" + ack).length());
            if (!reason.equals("[null]")) {
                return reason.substring(2, reason.length() - 2);
            }
            pause(Duration.ofMillis(100));
        }
        throw new AssertionError("socket " + socketId + " still not disconnected");
    }

    /** A POST body of exactly maxHttpBufferSize bytes is accepted (and its event echoed whole). */
    @Test
    public void postOfExactlyMaxHttpBufferSizeIsAccepted() {
        PollingSession session = connectedV4();
        String prefix = "42[\"echo\",\"";
        String suffix = "\"]";
        String packet = prefix + "y".repeat(Wire.MAX_PAYLOAD - prefix.length() - suffix.length()) + suffix;
        assertEquals(Wire.MAX_PAYLOAD, packet.getBytes(StandardCharsets.UTF_8).length);

        session.send(packet);

        assertEquals(packet, session.collect(1).get(0));
    }

    /** A close packet {@code 1} from the client releases the pending GET with a noop {@code 6} and ends the session. */
    @Test
    public void closePacketFromClientReleasesPendingGetWithNoop() {
        PollingSession session = pollingV4();
        CompletableFuture<RawResponse> pending = session.getAsync();
        pause(SETTLE);

        session.send("1");

        RawResponse released = RawPolling.await(pending);
        assertEquals(200, released.status());
        assertEquals("6", released.text());
        assertSessionGone(session);
    }

    /**
     * When the server closes a session while no GET is pending, the next GET gets a noop and
     * the close packet: {@code 6\x1e1}. Triggered by a server-side {@code disconnect(true)}:
     * its DISCONNECT packet {@code 41} is flushed first, in a GET of its own.
     */
    @Test
    public void serverCloseWithoutPendingGetIsDeliveredAsNoopAndClose() {
        PollingSession session = connectedV4();

        session.send("42[\"disconnect-me\",true]");
        pause(SETTLE);

        assertEquals("41", session.getText());
        assertEquals("6\u001e1", session.getText());
        assertSessionGone(session);
    }

    /** v3: payload lengths count UTF-16 code units (JS string length), not bytes nor code points. */
    @Test
    public void v3PayloadLengthsCountUtf16CodeUnits() {
        PollingSession session = pollingV3();
        assertEquals("2:40", session.getText());
        String packet = "42[\"echo\",\"\u20ac\ud83d\ude00\"]"; // euro sign (1 unit, 3 bytes), emoji (2 units, 4 bytes)

        session.send(packet);

        assertEquals("16:" + packet, session.getText());
        assertEquals(16, packet.length());
    }

    /** v3: several packets are concatenated with their length prefixes. */
    @Test
    public void v3PostWithSeveralPacketsIsProcessedInOrder() {
        PollingSession session = pollingV3();
        assertEquals("2:40", session.getText());

        session.send("42[\"echo\",1]", "42[\"echo\",2]");
        pause(SETTLE);

        assertEquals("12:42[\"echo\",1]12:42[\"echo\",2]", session.getText());
    }

    /**
     * v3, client supporting binary (no {@code b64}): a payload with binary is sent as a binary
     * payload ({@code application/octet-stream}): {@code 00 <digits> FF <string>} and
     * {@code 01 <digits> FF <type> <bytes>}.
     */
    @Test
    public void v3BinaryPayloadIsSentToBinaryCapableClient() {
        PollingSession session = pollingV3();
        assertEquals("2:40", session.getText());

        session.send(BINARY_ECHO, "b4AQIDBA==");
        pause(SETTLE);

        RawResponse r = session.get();
        assertEquals(200, r.status());
        assertEquals("application/octet-stream", r.headerOrAbsent("content-type"));
        byte[] expected = Payloads.concat(Payloads.v3BinaryString(BINARY_ECHO),
                Payloads.v3BinaryPacket(4, Payloads.bytes(1, 2, 3, 4)));
        assertArrayEquals(expected, r.body());
    }

    /** v3: the client may POST a binary payload ({@code application/octet-stream}). */
    @Test
    public void v3BinaryPostPayloadIsAccepted() {
        PollingSession session = pollingV3();
        assertEquals("2:40", session.getText());
        byte[] payload = Payloads.concat(Payloads.v3BinaryString("42[\"echo\",\"\u20ac\"]"),
                Payloads.v3BinaryString(BINARY_ECHO), Payloads.v3BinaryPacket(4, Payloads.bytes(9, 8)));

        RawResponse r = session.http().post(session.query(), payload, "application/octet-stream");
        assertEquals(200, r.status());
        assertEquals("ok", r.text());
        pause(SETTLE);

        byte[] expected = Payloads.concat(Payloads.v3BinaryString("42[\"echo\",\"\u20ac\"]"),
                Payloads.v3BinaryString(BINARY_ECHO), Payloads.v3BinaryPacket(4, Payloads.bytes(9, 8)));
        assertArrayEquals(expected, session.get().body());
    }

    /** v3 with {@code b64=1}: binary goes base64 as {@code b4...} inside a length-prefixed text payload. */
    @Test
    public void v3WithB64ReceivesBinaryAsBase64Text() {
        PollingSession session = PollingSession.open(http(), "EIO=3&transport=polling&b64=1");
        assertEquals("2:40", session.getText());

        session.send(BINARY_ECHO, "b4AQIDBA==");
        pause(SETTLE);

        RawResponse r = session.get();
        assertContentType("text/plain; charset=UTF-8", r);
        assertEquals("42:" + BINARY_ECHO + "10:b4AQIDBA==", r.text());
    }

    /** A close packet {@code 1} with no GET pending ends the session at once. */
    @Test
    public void closePacketWithoutPendingGetEndsSession() {
        PollingSession session = pollingV4();

        session.send("1");

        assertSessionGone(session);
    }
}
