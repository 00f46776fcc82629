package io.socketee.it.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.socketee.it.protocol.support.PollingSession;
import io.socketee.it.protocol.support.RawResponse;
import io.socketee.it.protocol.support.RawWebSocket;
import io.socketee.it.protocol.support.Wire;

/**
 * Engine.IO handshake (engine.io-protocol v4 "Handshake", v3 "Anatomy of an Engine.IO session"),
 * on a server with allowEIO3 enabled.
 */
public abstract class EngineHandshakeRules extends ProtocolRules {

    /** v4: the open packet carries exactly sid, upgrades, pingInterval, pingTimeout, maxPayload, in that order. */
    @Test
    public void pollingHandshakeV4AnswersOpenPacketWithExactlyFiveKeysInOrder() {
        RawResponse r = http().get("EIO=4&transport=polling");

        assertEquals(200, r.status(), r::toString);
        Wire.assertMasked(Wire.OPEN_POLLING, r.text());
    }

    /** Polling responses are UTF-8 text and must not be cached. */
    @Test
    public void pollingHandshakeIsUtf8PlainTextThatIsNotCached() {
        RawResponse r = http().get("EIO=4&transport=polling");

        assertContentType("text/plain; charset=UTF-8", r);
        assertEquals("no-store", r.headerOrAbsent("cache-control"));
    }

    /** The sid is 20 characters of [A-Za-z0-9_-] and differs between sessions. */
    @Test
    public void sidIsTwentyUrlSafeCharactersAndDiffersPerSession() {
        String first = pollingV4().sid();
        String second = pollingV4().sid();

        assertTrue(Wire.ID.matcher(first).matches(), first);
        assertTrue(Wire.ID.matcher(second).matches(), second);
        assertNotEquals(first, second);
    }

    /**
     * v3: the open packet is framed as {@code <length>:<packet>} (length in characters). The
     * reference also sends maxPayload to v3 clients (the v3 spec only lists sid, upgrades,
     * pingInterval, pingTimeout): reference wins.
     */
    @Test
    public void pollingHandshakeV3IsLengthPrefixedAndCarriesTheSameFiveKeys() {
        RawResponse r = http().get("EIO=3&transport=polling");

        assertEquals(200, r.status(), r::toString);
        assertContentType("text/plain; charset=UTF-8", r);
        Wire.assertMasked(Wire.OPEN_POLLING_V3, r.text());
    }

    /** v4: a WebSocket can open a session directly; the open packet is the first frame and offers no upgrade. */
    @Test
    public void webSocketHandshakeV4OpensWithoutPollingAndOffersNoUpgrades() {
        RawWebSocket ws = webSocket("EIO=4&transport=websocket");

        Wire.assertMasked(Wire.OPEN_WEBSOCKET, ws.nextText());
    }

    /** v3: over WebSocket the open packet is a frame of its own, not length-prefixed. */
    @Test
    public void webSocketHandshakeV3SendsOpenPacketAsPlainFrame() {
        RawWebSocket ws = webSocket("EIO=3&transport=websocket");

        Wire.assertMasked(Wire.OPEN_WEBSOCKET, ws.nextText());
    }

    /** Every handshake response carries the sid the session is then addressed by. */
    @Test
    public void sidFromHandshakeAddressesTheSession() {
        PollingSession session = pollingV4();

        session.send("40");
        Wire.assertMasked("40{\"sid\":\"<sid>\"}", session.collect(1).get(0));
    }

    /**
     * The spec makes EIO mandatory (missing: HTTP 400). The reference (allowEIO3) treats a
     * missing EIO as protocol 3 and handshakes: reference wins.
     */
    @Test
    public void missingEioIsServedAsV3WhenEio3IsAllowed() {
        RawResponse r = http().get("transport=polling");

        assertEquals(200, r.status(), r::toString);
        Wire.assertMasked(Wire.OPEN_POLLING_V3, r.text());
    }

    /** Likewise any EIO other than "4" (here "5") is served as protocol 3: reference wins. */
    @Test
    public void unknownEioIsServedAsV3WhenEio3IsAllowed() {
        RawResponse r = http().get("EIO=5&transport=polling");

        assertEquals(200, r.status(), r::toString);
        Wire.assertMasked(Wire.OPEN_POLLING_V3, r.text());
    }
}
