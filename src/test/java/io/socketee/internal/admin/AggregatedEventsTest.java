package io.socketee.internal.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AggregatedEventsTest {

    @Test
    void countsAreSummedPerSecondTypeAndSubTypeAndOnlyFinishedSecondsAreDrained() {
        AggregatedEvents events = new AggregatedEvents();
        events.add(10_100, "packetsIn", null, 1);
        events.add(10_900, "packetsIn", null, 1);
        events.add(10_500, "rawDisconnection", "transport close", 1);
        events.add(11_000, "packetsIn", null, 1);

        assertEquals(List.of(Map.of("timestamp", 10_000L, "type", "packetsIn", "count", 2L),
                Map.of("timestamp", 10_000L, "type", "rawDisconnection", "subType", "transport close", "count", 1L)),
                events.drain(11_500).stream().sorted((a, b) -> a.get("type").toString().compareTo(b.get("type").toString()))
                        .toList());
        assertEquals(List.of(), events.drain(11_999));
        assertEquals(List.of(Map.of("timestamp", 11_000L, "type", "packetsIn", "count", 1L)), events.drain(12_000));
    }

    @Test
    void aMessagesSizeIsItsUtf8LengthOrItsBinaryLength() {
        assertEquals(5, AggregatedEvents.size("hello"));
        assertEquals(2 + 3 + 4, AggregatedEvents.size("é€😀"));
        assertEquals(3, AggregatedEvents.size(new byte[3]));
    }
}
