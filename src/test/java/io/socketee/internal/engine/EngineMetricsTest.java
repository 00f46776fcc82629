package io.socketee.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socketee.internal.metrics.Counter;
import io.socketee.internal.metrics.CountingRecorder;
import io.socketee.internal.metrics.Gauge;
import io.socketee.internal.metrics.RecordingSink;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the engine counts: sessions, refusals, messages and bytes, upgrades, closes and slow clients. */
class EngineMetricsTest {
    private final RecordingSink sink = new RecordingSink();
    private final CountingRecorder metrics = new CountingRecorder(sink, Map.of());

    @Test
    void handshakesRefusalsMessagesAndClosesAreCountedAndTheConnectionGaugeReadsTheSessions() throws Exception {
        try (EngineFixture f = new EngineFixture(EngineOptions.DEFAULTS.withMetrics(metrics))) {
            String sid = f.handshake("4");
            f.connections.take();
            assertEquals(1, metrics.count(Counter.ENGINE_HANDSHAKES, "polling"));
            assertEquals(1, sink.gauge(Gauge.ENGINE_CONNECTIONS, "polling", "4"));
            assertEquals(0, sink.gauge(Gauge.ENGINE_CONNECTIONS, "websocket", "4"));

            assertEquals(400, f.get("EIO=4&transport=carrier-pigeon").await().status());
            assertEquals(400, f.get("EIO=4&transport=polling&sid=nosuchsession0000000").await().status());
            assertEquals(1, metrics.count(Counter.ENGINE_REFUSALS, "unknown_transport"));
            assertEquals(1, metrics.count(Counter.ENGINE_REFUSALS, "unknown_sid"));

            f.post("EIO=4&transport=polling&sid=" + sid, "4hello\u001e4hi").await();
            assertEquals("text:hello", f.nextEvent(sid));
            assertEquals("text:hi", f.nextEvent(sid));
            assertEquals(2, metrics.count(Counter.ENGINE_MESSAGES_RECEIVED, ""));
            assertEquals(7, metrics.count(Counter.ENGINE_BYTES_RECEIVED, ""));

            f.post("EIO=4&transport=polling&sid=" + sid, "1").await();
            assertEquals("close:transport close", f.nextEvent(sid));
            assertEquals(1, metrics.count(Counter.ENGINE_DISCONNECTIONS, "transport close"));
            assertEquals(0, sink.gauge(Gauge.ENGINE_CONNECTIONS, "polling", "4"));
        }
    }

    @Test
    void anUpgradeMovesTheSessionToTheWebSocketSeries() throws Exception {
        try (EngineFixture f = new EngineFixture(EngineOptions.DEFAULTS.withMetrics(metrics))) {
            String sid = f.handshake("4");
            EngineFixture.Channel ws = new EngineFixture.Channel();
            WebSocketReceiver receiver = f.server.acceptWebSocket(
                    EngineFixture.wsRequest("EIO=4&transport=websocket&sid=" + sid), ws);
            receiver.onText("2probe");
            assertEquals("3probe", ws.next());
            receiver.onText("5");
            assertEquals(1, metrics.count(Counter.ENGINE_UPGRADES, ""));
            assertEquals(1, sink.gauge(Gauge.ENGINE_CONNECTIONS, "websocket", "4"));
            assertEquals(0, sink.gauge(Gauge.ENGINE_CONNECTIONS, "polling", "4"));
        }
    }

    @Test
    void aSlowConsumerIsCountedWithThePacketsItLost() throws Exception {
        try (EngineFixture f = new EngineFixture(EngineOptions.DEFAULTS.withOutputBounds(100, Duration.ofSeconds(1))
                .withMetrics(metrics))) {
            EngineFixture.Channel ws = new EngineFixture.Channel();
            f.server.acceptWebSocket(EngineFixture.wsRequest("EIO=4&transport=websocket"), ws);
            String sid = ((String) ws.next()).substring(9, 29);
            EngineSocket socket = f.connections.take();
            ws.stopReading();
            for (int i = 0; i < 10; i++) {
                socket.sendText("x".repeat(10)); // the tenth passes the 100 bytes
            }
            assertEquals("close:transport error", f.nextEvent(sid));
            assertEquals(1, metrics.count(Counter.ENGINE_SLOW_CONSUMERS, ""));
            assertEquals(1, metrics.count(Counter.PACKETS_DROPPED, "slow_consumer"), "the packet that did not fit");
            assertEquals(9, metrics.count(Counter.ENGINE_MESSAGES_SENT, ""));
            assertEquals(1, metrics.count(Counter.ENGINE_DISCONNECTIONS, "transport error"));
        }
    }
}
