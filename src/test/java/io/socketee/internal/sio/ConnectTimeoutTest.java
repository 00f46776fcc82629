package io.socketee.internal.sio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.socketee.internal.protocol.engine.EngineVersion;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A connection that joins no namespace within the connect timeout is closed. */
class ConnectTimeoutTest {
    private final SioFixture fx = new SioFixture();

    @Test
    void connectionWithoutNamespaceIsClosedAtTheTimeout() {
        FakeEngineSocket conn = fx.open(EngineVersion.V4);
        fx.scheduler.advance(SioFixture.CONNECT_TIMEOUT.minusMillis(1));
        assertNull(conn.closedWith());
        fx.scheduler.advance(Duration.ofMillis(1));
        assertEquals("forced close", conn.closedWith());
    }

    @Test
    void refusedConnectDoesNotStopTheTimeout() {
        FakeEngineSocket conn = fx.open(EngineVersion.V4);
        conn.receive("0/unknown,");
        fx.scheduler.advance(SioFixture.CONNECT_TIMEOUT);
        assertEquals("forced close", conn.closedWith());
    }

    @Test
    void joiningANamespaceCancelsTheTimeout() {
        FakeEngineSocket conn = fx.open(EngineVersion.V4);
        conn.receive("0");
        assertEquals(0, fx.scheduler.pending());
        fx.scheduler.advance(SioFixture.CONNECT_TIMEOUT.multipliedBy(2));
        assertNull(conn.closedWith());
    }

    @Test
    void v4ClientIsNeverTimedOutSinceItJoinsAtOnce() {
        FakeEngineSocket conn = fx.open(EngineVersion.V3);
        fx.scheduler.advance(SioFixture.CONNECT_TIMEOUT.multipliedBy(2));
        assertNull(conn.closedWith());
    }

    @Test
    void closedConnectionCancelsItsTimeout() {
        FakeEngineSocket conn = fx.open(EngineVersion.V4);
        conn.drop("transport close");
        assertEquals(0, fx.scheduler.pending());
    }
}
