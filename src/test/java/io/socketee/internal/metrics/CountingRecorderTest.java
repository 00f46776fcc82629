package io.socketee.internal.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The counting recorder: series exist before their first event, and increments reach the API. */
class CountingRecorderTest {

    @Test
    void unlabelledCountersAndKnownLabelsArePublishedAtZeroBeforeTheirFirstEvent() {
        RecordingSink sink = new RecordingSink();
        new CountingRecorder(sink, Map.of(Counter.PACKETS_DROPPED, List.of("volatile")));
        assertEquals(0, sink.published(Counter.BROADCASTS, ""));
        assertEquals(0, sink.published(Counter.PACKETS_DROPPED, "volatile"));
    }

    @Test
    void incrementsAreCountedPerLabelAndReachTheApi() {
        RecordingSink sink = new RecordingSink();
        CountingRecorder recorder = new CountingRecorder(sink, Map.of());
        recorder.increment(Counter.ENGINE_DISCONNECTIONS, "ping timeout");
        recorder.increment(Counter.ENGINE_DISCONNECTIONS, "ping timeout");
        recorder.increment(Counter.ENGINE_DISCONNECTIONS, "transport close");
        recorder.add(Counter.ENGINE_BYTES_SENT, "", 40);

        assertEquals(2, recorder.count(Counter.ENGINE_DISCONNECTIONS, "ping timeout"));
        assertEquals(3, recorder.total(Counter.ENGINE_DISCONNECTIONS));
        assertEquals(2, sink.published(Counter.ENGINE_DISCONNECTIONS, "ping timeout"));
        assertEquals(40, sink.published(Counter.ENGINE_BYTES_SENT, ""));
    }
}
