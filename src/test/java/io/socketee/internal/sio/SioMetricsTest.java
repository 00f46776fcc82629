package io.socketee.internal.sio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.Socket;
import io.socketee.internal.metrics.Counter;
import io.socketee.internal.metrics.CountingRecorder;
import io.socketee.internal.metrics.Gauge;
import io.socketee.internal.metrics.RecordingSink;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What the Socket.IO layer counts: connections, broadcasts and deliveries, drops, ack timeouts, disconnections. */
class SioMetricsTest {
    private final RecordingSink sink = new RecordingSink();
    private final CountingRecorder metrics = new CountingRecorder(sink, Map.of());
    private final SioFixture fx = new SioFixture(new SioOptions(SioFixture.CONNECT_TIMEOUT, 10, 64).withMetrics(metrics));
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    SioMetricsTest() {
        fx.server.onConnection(sockets::add);
    }

    @Test
    void connectionsAndDisconnectionsMoveTheCountersAndTheNamespaceGauge() {
        FakeEngineSocket a = fx.connectV5("/");
        fx.connectV5("/");
        assertEquals(2, metrics.count(Counter.SOCKET_CONNECTIONS, ""));
        assertEquals(2, sink.gauge(Gauge.SOCKETS_CONNECTED, "/"));

        a.receive("1");
        sockets.get(1).disconnect(false);
        assertEquals(1, metrics.count(Counter.SOCKET_DISCONNECTIONS, "client namespace disconnect"));
        assertEquals(1, metrics.count(Counter.SOCKET_DISCONNECTIONS, "server namespace disconnect"));
        assertEquals(0, sink.gauge(Gauge.SOCKETS_CONNECTED, "/"));
    }

    @Test
    void aBroadcastCountsOnceAndEachSocketItReachesOnce() {
        fx.connectV5("/");
        fx.connectV5("/");
        FakeEngineSocket c = fx.connectV5("/");
        sockets.get(2).join("r");
        fx.server.emit("all", 1);
        fx.server.to("r").emit("some", 2);
        assertEquals(2, metrics.count(Counter.BROADCASTS, ""));
        assertEquals(4, metrics.count(Counter.BROADCAST_DELIVERIES, ""));
        assertEquals(List.of("2[\"all\",1]", "2[\"some\",2]"), c.texts());
    }

    @Test
    void volatilePacketsThatCannotBeWrittenAreCountedAsDropped() {
        FakeEngineSocket a = fx.connectV5("/");
        a.setWritable(false);
        fx.server.asVolatile().emit("pos", 1);
        assertFalse(sockets.get(0).asVolatile().emit("pos", 2));
        assertEquals(2, metrics.count(Counter.PACKETS_DROPPED, "volatile"));
        assertEquals(0, metrics.count(Counter.BROADCAST_DELIVERIES, ""));
    }

    @Test
    void acknowledgementsThatNeverComeAreCountedWhenTheyTimeOut() {
        fx.connectV5("/");
        CompletableFuture<?> own = sockets.get(0).emitWithAck(Duration.ofSeconds(2), "q").toCompletableFuture();
        CompletableFuture<?> all = fx.server.timeout(Duration.ofSeconds(2)).emitWithAck("q").toCompletableFuture();
        fx.scheduler.advance(Duration.ofSeconds(3));
        assertTrue(own.isCompletedExceptionally() && all.isCompletedExceptionally());
        assertEquals(2, metrics.count(Counter.ACK_TIMEOUTS, ""));
    }

    @Test
    void aNamespaceHasItsGaugeFromItsCreation() {
        fx.server.of("/chat");
        assertTrue(sink.hasGauge(Gauge.SOCKETS_CONNECTED, "/chat"));
        fx.server.close();
        assertFalse(sink.hasGauge(Gauge.SOCKETS_CONNECTED, "/chat"), "withdrawn when the server stops");
    }
}
