package io.socketee.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EngineEnumsTest {

    @Test
    void transportsAreSpelledAsTheProtocolSpellsThem() {
        assertEquals(List.of("polling", "websocket"),
                Arrays.stream(Transport.values()).map(Transport::wireName).toList());
        assertEquals(Optional.of(Transport.WEBSOCKET), Transport.fromWireName("websocket"));
        assertEquals(Optional.empty(), Transport.fromWireName("flashsocket"));
        assertEquals("hello polling", "hello " + Transport.POLLING, "toString is the wire name");
    }

    @Test
    void protocolVersionsAreSpelledAsTheEioParameter() {
        assertEquals(List.of("3", "4"),
                Arrays.stream(ProtocolVersion.values()).map(ProtocolVersion::wireName).toList());
        assertEquals(Optional.of(ProtocolVersion.V3), ProtocolVersion.fromWireName("3"));
        assertEquals(Optional.empty(), ProtocolVersion.fromWireName("5"));
        assertEquals("v4", "v" + ProtocolVersion.V4);
    }

    @Test
    void closeReasonsAreSpelledAsTheReferenceServerReportsThem() {
        assertEquals(List.of("transport close", "transport error", "ping timeout", "parse error", "forced close"),
                Arrays.stream(CloseReason.values()).map(CloseReason::wireName).toList());
        for (CloseReason r : CloseReason.values()) {
            assertEquals(Optional.of(r), CloseReason.fromWireName(r.wireName()));
            assertEquals(r.wireName(), r.toString());
        }
        assertEquals(Optional.empty(), CloseReason.fromWireName("server shutting down"));
    }
}
