package io.socketee.it.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.socketee.it.protocol.support.PollingSession;
import io.socketee.it.protocol.support.RawWebSocket;

/**
 * Socket.IO protocol v4 as spoken to EIO=3 clients (socket.io 2.x) by a server with allowEIO3:
 * implicit connection to "/", the query in the CONNECT namespace, v4-shaped CONNECT_ERROR.
 */
public abstract class SocketIoEio3Rules extends ProtocolRules {

    /** EIO=3: the client is connected to "/" implicitly; the first GET brings {@code 40}. */
    @Test
    public void eio3ClientIsConnectedToMainNamespaceImplicitly() {
        PollingSession session = pollingV3();

        assertEquals("2:40", session.getText());
        session.send("42[\"echo\",\"v3\"]");
        assertEquals("15:42[\"echo\",\"v3\"]", session.getText());
    }

    /** EIO=3: CONNECT to a custom namespace carries the query in the namespace; the answer has no payload. */
    @Test
    public void eio3ConnectCarriesQueryInNamespace() {
        RawWebSocket ws = webSocketV3();

        ws.send("40/custom?token=secret,");
        ws.expectText("40/custom,");
        ws.send("42/custom,1[\"handshake\"]");

        ws.expectText("43/custom,1[{\"auth\":{\"token\":\"secret\"},\"token\":null,\"nsp\":\"/custom\"}]");
    }

    /** EIO=3: an unknown namespace is refused with the same CONNECT_ERROR object as in v5. */
    @Test
    public void eio3UnknownNamespaceIsRefused() {
        RawWebSocket ws = webSocketV3();

        ws.send("40/nope,");

        ws.expectText("44/nope,{\"message\":\"Invalid namespace\"}");
    }

    /** EIO=3: a middleware refusal sends only the error's data (its message when there is no data). */
    @Test
    public void eio3MiddlewareRefusalSendsErrorData() {
        RawWebSocket ws = webSocketV3();

        ws.send("40/custom,");

        ws.expectText("44/custom,{\"code\":401}");
    }

    /** EIO=3: events and acks use the same encoding as v5. */
    @Test
    public void eio3EventWithIdIsAcknowledged() {
        RawWebSocket ws = webSocketV3();

        ws.send("425[\"echo\",{\"k\":\"v\"}]");

        ws.expectText("435[{\"k\":\"v\"}]");
    }
}
