package io.socketee.internal.sio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.Handshake;
import io.socketee.internal.engine.Caller;
import io.socketee.internal.engine.HandshakeRequest;
import io.socketee.internal.transport.Requests;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Handshake details: JavaScript's date text, Node's query-string parsing, the authenticated caller. */
class HandshakesTest {

    @Test
    void timeIsFormattedLikeJavaScriptDateToString() {
        Instant t = Instant.parse("2025-01-16T12:34:56.789Z");
        assertEquals("Thu Jan 16 2025 12:34:56 GMT+0000 (Coordinated Universal Time)",
                Handshakes.jsDate(t, ZoneId.of("UTC")));
        assertEquals("Wed Jul 16 2025 14:34:56 GMT+0200 (Central European Summer Time)",
                Handshakes.jsDate(Instant.parse("2025-07-16T12:34:56Z"), ZoneId.of("Europe/Berlin")));
    }

    @Test
    void theHandshakeCarriesTheCallerOfTheRequestThatOpenedTheConnection() {
        java.security.Principal ann = () -> "ann";
        HandshakeRequest request = Requests.of("/socket.io/", "EIO=4&transport=polling", Map.of(), "127.0.0.1", false, null)
                .withCaller(new Caller(Optional.of(ann), Set.of("chat")));
        Handshake handshake = Handshakes.of(request, Map.of(), Instant.EPOCH, ZoneId.of("UTC"));
        assertEquals(Optional.of(ann), handshake.principal());
        assertTrue(handshake.isUserInRole("chat"));
        assertFalse(handshake.isUserInRole("admin"));
    }

    @Test
    void anAnonymousHandshakeHasNoPrincipalAndNoRole() {
        HandshakeRequest request = Requests.of("/socket.io/", "EIO=4&transport=polling", Map.of(), "127.0.0.1", false, null);
        Handshake handshake = Handshakes.of(request, Map.of(), Instant.EPOCH, ZoneId.of("UTC"));
        assertEquals(Optional.empty(), handshake.principal());
        assertEquals(Set.of(), handshake.roles());
    }

    @Test
    void queryParsesLikeNodeQuerystring() {
        assertEquals(Map.of("a", "1", "b", List.of("x", "y", "z"), "c", "", "d e", "%zz"),
                Handshakes.parseQuery("a=1&b=x&b=y&&b=z&c&d+e=%zz"));
        assertEquals(Map.of(), Handshakes.parseQuery(""));
    }
}
