package io.socketee.it.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.socketee.it.protocol.support.Payloads;
import io.socketee.it.protocol.support.PollingSession;
import io.socketee.it.protocol.support.RawWebSocket;
import io.socketee.it.protocol.support.Wire;

/**
 * Socket.IO protocol v5 over Engine.IO v4: namespaces, events, acks, binary attachments and
 * disconnection, against the contract of src-it/node/reference-server.js: "/" and "/custom"
 * (which needs token "secret"). Violations: {@link SocketIoViolationRules}; EIO=3 clients:
 * {@link SocketIoEio3Rules}.
 *
 * <p>Note: the reference connects a namespace asynchronously; a client must wait for the CONNECT
 * answer before sending to that namespace (an event arriving first closes the connection), so
 * these tests always do.
 */
public abstract class SocketIoRules extends ProtocolRules {

    private static final String CONNECTED_MAIN = "40{\"sid\":\"<sid>\"}";

    /** v5: CONNECT to "/" is answered with the socket's own id, which is not the Engine.IO sid. */
    @Test
    public void connectToMainNamespaceAnswersSocketSid() {
        RawWebSocket ws = webSocket("EIO=4&transport=websocket");
        String engineSid = Wire.sidIn(ws.nextText());

        ws.send("40");

        String answer = ws.nextTextAnsweringPings();
        Wire.assertMasked(CONNECTED_MAIN, answer);
        assertNotEquals(engineSid, Wire.sidIn(answer));
    }

    /** v5: CONNECT to a custom namespace carries an auth payload; the answer names the namespace. */
    @Test
    public void connectToCustomNamespaceWithAuth() {
        RawWebSocket ws = webSocketV4();

        ws.send("40/custom,{\"token\":\"secret\"}");
        Wire.assertMasked("40/custom,{\"sid\":\"<sid>\"}", ws.nextTextAnsweringPings());
        ws.send("42/custom,1[\"handshake\"]");

        assertEquals("43/custom,1[{\"auth\":{\"token\":\"secret\"},\"token\":null,\"nsp\":\"/custom\"}]",
                ws.nextTextAnsweringPings());
    }

    /** v5: an unknown namespace is refused with CONNECT_ERROR "Invalid namespace"; the connection stays. */
    @Test
    public void unknownNamespaceIsRefusedAndConnectionStays() {
        RawWebSocket ws = webSocketV4();

        ws.send("40/nope,");
        assertEquals("44/nope,{\"message\":\"Invalid namespace\"}", ws.nextTextAnsweringPings());

        ws.send("40");
        Wire.assertMasked(CONNECTED_MAIN, ws.nextTextAnsweringPings());
    }

    /** v5: a middleware refusal is a CONNECT_ERROR with the error's message and data. */
    @Test
    public void middlewareRefusalSendsConnectErrorWithMessageAndData() {
        RawWebSocket ws = webSocketV4();

        ws.send("40/custom,{\"token\":\"wrong\"}");

        assertEquals("44/custom,{\"message\":\"unauthorized\",\"data\":{\"code\":401}}", ws.nextTextAnsweringPings());
    }

    /** An EVENT is dispatched with its arguments (the contract echoes them back). */
    @Test
    public void eventIsDispatchedWithItsArguments() {
        RawWebSocket ws = webSocketV4Connected();

        ws.send("42[\"echo\",\"x\",1,{\"a\":[true,null,1.5]},\"\u00e9\"]");

        assertEquals("42[\"echo\",\"x\",1,{\"a\":[true,null,1.5]},\"\u00e9\"]", ws.nextTextAnsweringPings());
    }

    /**
     * Arguments are re-encoded exactly as JavaScript's JSON.stringify does: minimal string
     * escapes (no {@code \/}, raw U+2028 and non-ASCII, {@code \u0001} in lowercase hex, lone
     * surrogates escaped), shortest number forms ({@code 1.0} to {@code 1}, {@code -0} to
     * {@code 0}, exponents as {@code e+21}), and object keys in JavaScript order (integer-like
     * keys first, ascending).
     */
    @Test
    public void eventArgumentsAreReencodedLikeJavaScript() {
        RawWebSocket ws = webSocketV4Connected();

        ws.send("42[\"echo\",\"a\\\"b\\\\c\\/d\\n\\t\\u0001\u007f\u2028\u00e9\ud83d\ude00\\ud800\","
                + "1.0,1e3,-0,0.1,123456789012345678901234567890,1e21,123e-20,5e-7,0.000001,"
                + "{\"b\":1,\"2\":0,\"1\":0,\"a\":{\"z\":[]}},true,false,null]");

        assertEquals("42[\"echo\",\"a\\\"b\\\\c/d\\n\\t\\u0001\u007f\u2028\u00e9\ud83d\ude00\\ud800\","
                + "1,1000,0,0.1,1.2345678901234568e+29,1e+21,1.23e-18,5e-7,0.000001,"
                + "{\"1\":0,\"2\":0,\"b\":1,\"a\":{\"z\":[]}},true,false,null]", ws.nextTextAnsweringPings());
    }

    /** An EVENT with an id is answered by an ACK with the same id. */
    @Test
    public void eventWithIdIsAcknowledged() {
        RawWebSocket ws = webSocketV4Connected();

        ws.send("4212[\"echo\",\"ack me\",2]");

        assertEquals("4312[\"ack me\",2]", ws.nextTextAnsweringPings());
    }

    /** A server EVENT asking for an ack carries an id; the client's ACK with that id is delivered. */
    @Test
    public void serverEventWithIdIsAcknowledgedByClient() {
        RawWebSocket ws = webSocketV4Connected();

        ws.send("427[\"ask\",\"question\",1]");
        assertEquals("420[\"question\",1]", ws.nextTextAnsweringPings());
        ws.send("430[\"answer\"]");

        assertEquals("437[\"answer\"]", ws.nextTextAnsweringPings());
    }

    /** BINARY_EVENT with two attachments and an id is answered by a BINARY_ACK with both attachments. */
    @Test
    public void binaryEventWithAttachmentsIsAcknowledgedWithBinaryAck() {
        RawWebSocket ws = webSocketV4Connected();

        ws.send("452-3[\"echo\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
        ws.send(Payloads.bytes(1));
        ws.send(Payloads.bytes(2, 3));

        assertEquals("462-3[{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]",
                ws.nextTextAnsweringPings());
        ws.expectBinary(Payloads.bytes(1));
        ws.expectBinary(Payloads.bytes(2, 3));
    }

    /** Binary events work over polling too, with attachments as base64 packets. */
    @Test
    public void binaryEventOverPolling() {
        PollingSession session = pollingV4();
        Wire.assertMasked(CONNECTED_MAIN, session.connectMain());

        session.send("451-/,[\"echo\",{\"_placeholder\":true,\"num\":0}]", "bAAE=");

        assertEquals(List.of("451-[\"echo\",{\"_placeholder\":true,\"num\":0}]", "bAAE="), session.collect(2));
    }

    /** v5: leaving "/" with {@code 41} keeps the Engine.IO connection; joining again gives a new socket id. */
    @Test
    public void leavingNamespaceKeepsConnection() {
        RawWebSocket ws = webSocketV4();
        ws.send("40");
        String first = Wire.sidIn(ws.nextTextAnsweringPings());
        ws.send("40/custom,{\"token\":\"secret\"}");
        Wire.assertMasked("40/custom,{\"sid\":\"<sid>\"}", ws.nextTextAnsweringPings());

        ws.send("41");
        ws.send("42/custom,[\"echo\",\"custom still\"]");
        assertEquals("42/custom,[\"echo\",\"custom still\"]", ws.nextTextAnsweringPings());
        ws.send("40");

        String second = Wire.sidIn(ws.nextTextAnsweringPings());
        assertNotEquals(first, second);
    }

    /** The server sees a client's {@code 41} as "client namespace disconnect". */
    @Test
    public void disconnectPacketIsSeenAsClientNamespaceDisconnect() {
        RawWebSocket ws = webSocketV4();
        ws.send("40");
        String id = Wire.sidIn(ws.nextTextAnsweringPings());

        ws.send("41");

        assertEquals("\"client namespace disconnect\"", lastDisconnectReason(id));
    }

    /**
     * A {@code 41} sent just before the WebSocket's close (what socket.io-client's
     * {@code disconnect()} does) is handled before the close: the server sees "client namespace
     * disconnect", every time. Repeated, because losing it is a race (WildFly reported the TCP
     * close before handing over the message read just before it).
     */
    @Test
    public void disconnectPacketJustBeforeTheCloseIsNotOvertakenByIt() {
        for (int attempt = 1; attempt <= 25; attempt++) {
            RawWebSocket ws = webSocketV4();
            ws.send("40");
            String id = Wire.sidIn(ws.nextTextAnsweringPings());

            ws.send("41");
            ws.close();

            assertEquals("\"client namespace disconnect\"", lastDisconnectReason(id), "attempt " + attempt);
        }
    }

    /** The server sees a closed WebSocket as "transport close". */
    @Test
    public void closedWebSocketIsSeenAsTransportClose() {
        RawWebSocket ws = webSocketV4();
        ws.send("40");
        String id = Wire.sidIn(ws.nextTextAnsweringPings());

        ws.close();

        assertEquals("\"transport close\"", lastDisconnectReason(id));
    }

    /** A server-side disconnect sends DISCONNECT {@code 41} and keeps the connection (v5). */
    @Test
    public void serverDisconnectSendsDisconnectPacketAndKeepsConnection() {
        RawWebSocket ws = webSocketV4Connected();

        ws.send("42[\"disconnect-me\"]");
        assertEquals("41", ws.nextTextAnsweringPings());

        ws.send("40");
        Wire.assertMasked(CONNECTED_MAIN, ws.nextTextAnsweringPings());
    }

    /** A server-side disconnect with close sends {@code 41}, then closes the connection. */
    @Test
    public void serverDisconnectWithCloseSendsDisconnectPacketThenCloses() {
        RawWebSocket ws = webSocketV4Connected();

        ws.send("42[\"disconnect-me\",true]");

        assertEquals("41", ws.nextTextAnsweringPings());
        assertEquals(serverCloseCode(), ws.awaitCloseCode());
    }

    /** Asks, over a fresh connection, for the reason the server saw when socket {@code id} disconnected. */
    private String lastDisconnectReason(String id) {
        RawWebSocket probe = webSocketV4Connected();
        for (int attempt = 1; ; attempt++) {
            probe.send("421[\"last-disconnect\",\"" + id + "\"]");
            String answer = probe.nextTextAnsweringPings();
            assertEquals("431[", answer.substring(0, 4), answer);
            String reason = answer.substring(4, answer.length() - 1);
            if (!reason.equals("null") || attempt == 20) {
                return reason;
            }
            pause(Duration.ofMillis(100));
        }
    }
}
