package io.socketee.it.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.socketee.it.protocol.support.PollingSession;
import io.socketee.it.protocol.support.RawPolling;
import io.socketee.it.protocol.support.RawResponse;
import io.socketee.it.protocol.support.RawWebSocket;
import io.socketee.it.protocol.support.Wire;

/**
 * Engine.IO HTTP errors: status 400 with {@code Content-Type: application/json} and body
 * {@code {"code":N,"message":"..."}} (engine.io-protocol v4: "the server MUST respond with an
 * HTTP 400"; the codes and messages are the reference's).
 *
 * <p>Code 4 "Forbidden" is 403 with the application's message: the contract servers refuse
 * handshakes with a "forbidden" query parameter. Code 5 needs allowEIO3=false: see
 * {@link Eio3DisabledRules}.
 */
public abstract class ErrorResponseRules extends ProtocolRules {

    /** 0: unknown transport name. */
    @Test
    public void unknownTransportIsCode0() {
        assertEngineError(0, "Transport unknown", http().get("EIO=4&transport=carrier-pigeon"));
    }

    /** 0: a missing transport is an unknown transport. */
    @Test
    public void missingTransportIsCode0() {
        assertEngineError(0, "Transport unknown", http().get("EIO=4"));
    }

    /** 1: unknown session id on GET. */
    @Test
    public void unknownSidOnGetIsCode1() {
        assertEngineError(1, "Session ID unknown", http().get("EIO=4&transport=polling&sid=AAAAAAAAAAAAAAAAAAAA"));
    }

    /** 1: unknown session id on POST. */
    @Test
    public void unknownSidOnPostIsCode1() {
        assertEngineError(1, "Session ID unknown",
                http().post("EIO=4&transport=polling&sid=AAAAAAAAAAAAAAAAAAAA", "40"));
    }

    /** 2: a handshake must be a GET. */
    @Test
    public void handshakeByPostIsCode2() {
        assertEngineError(2, "Bad handshake method", http().post("EIO=4&transport=polling", "40"));
    }

    /** 2: any other method without a sid is a bad handshake method too. */
    @Test
    public void handshakeByPutIsCode2() {
        RawResponse r = http().send("PUT", "EIO=4&transport=polling", Map.of(), "x".getBytes());

        assertEngineError(2, "Bad handshake method", r);
    }

    /**
     * 4: a handshake refused by the application (the reference's allowRequest, SocketEE's
     * AllowRequest bean) gets 403 with the application's message, and opens no session.
     */
    @Test
    public void handshakeRefusedByTheApplicationIsCode4WithItsMessage() {
        RawResponse r = http().get("EIO=4&transport=polling&forbidden=1");

        assertEquals(403, r.status(), () -> "status of " + r);
        assertEquals("application/json", r.headerOrAbsent("content-type"), () -> "type of " + r);
        assertEquals("{\"code\":4,\"message\":\"forbidden by test\"}", r.text());
    }

    /** 3: transport=websocket on a plain GET (no Upgrade) cannot open a session. */
    @Test
    public void webSocketTransportWithoutUpgradeIsCode3() {
        assertEngineError(3, "Bad request", http().get("EIO=4&transport=websocket"));
    }

    /** 3: a request whose EIO differs from its session's. */
    @Test
    public void protocolMismatchWithSessionIsCode3() {
        PollingSession session = pollingV4();

        assertEngineError(3, "Bad request", http().get("EIO=3&transport=polling&sid=" + session.sid()));
    }

    /** 3: a polling request for a session living on a WebSocket. */
    @Test
    public void transportMismatchWithSessionIsCode3() {
        RawWebSocket ws = webSocket("EIO=4&transport=websocket");
        String sid = Wire.sidIn(ws.nextText());

        assertEngineError(3, "Bad request", http().get("EIO=4&transport=polling&sid=" + sid));
    }

    /** A method other than GET/POST on an existing session: 500 with an empty body (reference). */
    @Test
    public void otherMethodOnSessionIs500() {
        PollingSession session = pollingV4();

        RawResponse r = session.http().send("PUT", session.query(), Map.of(), "40".getBytes());

        assertEquals(500, r.status());
        assertEquals(0, r.body().length);
    }

    /** A WebSocket upgrade for an unknown sid is refused with HTTP 400. */
    @Test
    public void webSocketUpgradeWithUnknownSidIsRefused() {
        assertEquals(400, RawWebSocket.attempt(baseUrl(), "EIO=4&transport=websocket&sid=AAAAAAAAAAAAAAAAAAAA").status());
    }

    /** A WebSocket upgrade naming an unknown transport is refused with HTTP 400. */
    @Test
    public void webSocketUpgradeWithUnknownTransportIsRefused() {
        assertEquals(400, RawWebSocket.attempt(baseUrl(), "EIO=4&transport=carrier-pigeon").status());
    }

    /** A WebSocket upgrade whose EIO differs from its session's is refused with HTTP 400. */
    @Test
    public void webSocketUpgradeWithProtocolMismatchIsRefused() {
        PollingSession session = pollingV4();

        assertEquals(400, RawWebSocket.attempt(baseUrl(), "EIO=3&transport=websocket&sid=" + session.sid()).status());
    }

    /**
     * An upgrade to anything but WebSocket (here HTTP/2 cleartext, {@code Upgrade: h2c}) is
     * refused as the reference's WebSocket server refuses it: 400 "Invalid Upgrade header"; no
     * session is opened. (WildFly's Undertow upgrades to HTTP/2 before any application code
     * runs; SocketEE's answer then comes over HTTP/2, the same answer.)
     */
    @Test
    public void h2cUpgradeOfAHandshakeIsRefusedWithInvalidUpgradeHeader() {
        RawResponse r = h2c("GET", "EIO=4&transport=polling");

        assertEquals(400, r.status(), r::toString);
        assertEquals("Invalid Upgrade header", r.text());
    }

    /** The same on a polling session's GET, and the session is not disturbed by it. */
    @Test
    public void h2cUpgradeOfAPollingGetIsRefusedAndTheSessionLivesOn() {
        PollingSession session = pollingV4();

        RawResponse r = h2c("GET", session.query());

        assertEquals(400, r.status(), r::toString);
        assertEquals("Invalid Upgrade header", r.text());
        Wire.assertMasked("40{\"sid\":\"<sid>\"}", session.connectMain());
    }

    /** An upgrade asked for on a POST: 405 "Invalid HTTP method", as the reference's WebSocket server answers. */
    @Test
    public void h2cUpgradeOfAPostIsRefusedWithInvalidHttpMethod() {
        PollingSession session = pollingV4();

        RawResponse r = h2c("POST", session.query());

        assertEquals(405, r.status(), r::toString);
        assertEquals("Invalid HTTP method", r.text());
        Wire.assertMasked("40{\"sid\":\"<sid>\"}", session.connectMain());
    }

    /** A request asking to upgrade its connection to HTTP/2 cleartext; a POST carries "40". */
    private RawResponse h2c(String method, String query) {
        RawPolling fresh = RawPolling.askingForH2c(baseUrl()); // the upgrade is asked for on a new connection only
        return method.equals("POST") ? fresh.post(query, "40") : fresh.get(query);
    }
}
