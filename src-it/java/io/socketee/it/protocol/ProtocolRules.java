package io.socketee.it.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;

import io.socketee.it.protocol.support.PollingSession;
import io.socketee.it.protocol.support.RawPolling;
import io.socketee.it.protocol.support.RawResponse;
import io.socketee.it.protocol.support.RawWebSocket;
import io.socketee.it.protocol.support.Wire;

/**
 * Common ground of the protocol suites: the server under test is reached through
 * {@link #baseUrl()} only, so each suite runs unchanged against the reference server and SocketEE.
 *
 * <p>JUnit makes one instance per test method; an instance is used by one thread.
 */
public abstract class ProtocolRules {

    /** Long enough for anything the server should do at once; no assertion depends on it. */
    protected static final Duration SETTLE = Duration.ofMillis(300);

    private final List<RawWebSocket> sockets = new ArrayList<>();

    /** The Socket.IO endpoint, e.g. {@code http://127.0.0.1:3000/socket.io/} (trailing slash). */
    protected abstract URI baseUrl();

    /**
     * The close codes of the server under test. The reference closes a WebSocket with a frame
     * without status code (seen as 1005); Jakarta WebSocket cannot send that (RFC 6455 forbids
     * 1005 on the wire), so SocketEE sends 1000, which no Socket.IO client tells apart, and closes
     * a WebSocket refused right after its upgrade with 1008 and the JSON error as reason.
     * docs/reference-behaviour.md lists both differences.
     */
    protected enum CloseCodes {
        REFERENCE(Wire.SERVER_CLOSE, Wire.SERVER_CLOSE),
        SOCKETEE(1000, 1008);

        final int serverClose;
        final int refusedAfterUpgrade;

        CloseCodes(int serverClose, int refusedAfterUpgrade) {
            this.serverClose = serverClose;
            this.refusedAfterUpgrade = refusedAfterUpgrade;
        }
    }

    /** The close codes of the server under test: the reference's unless overridden. */
    protected CloseCodes closeCodes() {
        return CloseCodes.REFERENCE;
    }

    /** The close code a client sees when the server ends a WebSocket. */
    protected final int serverCloseCode() {
        return closeCodes().serverClose;
    }

    /** The close code of a WebSocket refused right after its upgrade (a second one for a session). */
    protected final int refusedAfterUpgradeCode() {
        return closeCodes().refusedAfterUpgrade;
    }

    /**
     * Asserts a Content-Type by media type and parameters, as HTTP compares them (RFC 9110 8.3:
     * type, subtype and parameter names are case-insensitive; whitespace around ';' is optional).
     * WildFly's Undertow always writes {@code text/plain;charset=UTF-8}, without the space the
     * reference and the other servers write.
     */
    protected static void assertContentType(String expected, RawResponse r) {
        assertEquals(mediaType(expected), mediaType(r.headerOrAbsent("content-type")),
                () -> "content-type of " + r);
    }

    private static java.util.List<String> mediaType(String value) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (String part : value.split(";")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            parts.add(eq < 0 ? p.toLowerCase(java.util.Locale.ROOT)
                    : p.substring(0, eq).trim().toLowerCase(java.util.Locale.ROOT) + "=" + p.substring(eq + 1).trim());
        }
        return parts;
    }

    /** A fresh raw HTTP client for the endpoint. */
    protected RawPolling http() {
        return new RawPolling(baseUrl());
    }

    /** A new EIO=4 polling session. */
    protected PollingSession pollingV4() {
        return PollingSession.v4(http());
    }

    /** A new EIO=3 polling session. */
    protected PollingSession pollingV3() {
        return PollingSession.v3(http());
    }

    /** Opens a WebSocket with the given query; it is closed after the test. */
    protected RawWebSocket webSocket(String query) {
        return track(RawWebSocket.open(baseUrl(), query));
    }

    /** A direct EIO=4 WebSocket session whose open packet has been read and checked. */
    protected RawWebSocket webSocketV4() {
        RawWebSocket ws = webSocket("EIO=4&transport=websocket");
        Wire.assertMasked(Wire.OPEN_WEBSOCKET, ws.nextText());
        return ws;
    }

    /** A direct EIO=4 WebSocket connected to "/" (CONNECT answered). */
    protected RawWebSocket webSocketV4Connected() {
        RawWebSocket ws = webSocketV4();
        ws.send("40");
        Wire.assertMasked("40{\"sid\":\"<sid>\"}", ws.nextTextAnsweringPings());
        return ws;
    }

    /** A direct EIO=3 WebSocket session whose open packet and implicit "40" have been read. */
    protected RawWebSocket webSocketV3() {
        RawWebSocket ws = webSocket("EIO=3&transport=websocket");
        Wire.assertMasked(Wire.OPEN_WEBSOCKET, ws.nextText());
        assertEquals("40", ws.nextText());
        return ws;
    }

    /** Registers a socket for closing after the test. */
    protected RawWebSocket track(RawWebSocket ws) {
        sockets.add(ws);
        return ws;
    }

    /** Asserts an Engine.IO HTTP error: status 400, JSON content type, exact body. */
    protected static void assertEngineError(int code, String message, RawResponse response) {
        assertEquals(400, response.status(), () -> "status of " + response);
        assertEquals("application/json", response.headerOrAbsent("content-type"), () -> "type of " + response);
        assertEquals(Wire.error(code, message), response.text());
    }

    /** Asserts the session is gone: any request with its sid answers 400 "Session ID unknown". */
    protected static void assertSessionGone(PollingSession session) {
        assertEngineError(1, "Session ID unknown", session.get());
    }

    /** Sleeps without failing the test; used only to let a server finish what it does at once. */
    protected static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @AfterEach
    void closeSockets() {
        sockets.forEach(RawWebSocket::close);
        sockets.clear();
    }
}
