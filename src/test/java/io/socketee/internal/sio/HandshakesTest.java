package io.socketee.internal.sio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Handshake details: JavaScript's date text and Node's query-string parsing. */
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
    void queryParsesLikeNodeQuerystring() {
        assertEquals(Map.of("a", "1", "b", List.of("x", "y", "z"), "c", "", "d e", "%zz"),
                Handshakes.parseQuery("a=1&b=x&b=y&&b=z&c&d+e=%zz"));
        assertEquals(Map.of(), Handshakes.parseQuery(""));
    }
}
