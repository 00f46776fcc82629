package io.socketee.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The beat behind the liveness check, on a clock the test moves. */
class PulseTest {
    private final AtomicLong now = new AtomicLong(5_000);
    private final Pulse pulse = new Pulse(now::get);

    @Test
    void theAgeOfTheLastBeatGrowsWithTheClockAndABeatResetsIt() {
        now.addAndGet(Pulse.STALE_AFTER_MILLIS + 1);
        assertEquals(Pulse.STALE_AFTER_MILLIS + 1, pulse.millisSinceLastBeat(), "stale: the check says down");
        pulse.beat();
        assertEquals(0, pulse.millisSinceLastBeat());
    }

    @Test
    void theTimerHandsABeatToTheWorkersEverySecond() throws Exception {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
        java.util.concurrent.CountDownLatch beaten = new java.util.concurrent.CountDownLatch(1);
        try {
            now.addAndGet(60_000);
            pulse.start(timer, task -> {
                task.run();
                beaten.countDown();
            });
            assertTrue(beaten.await(5, TimeUnit.SECONDS), "a beat reached the workers");
            assertEquals(0, pulse.millisSinceLastBeat());
            pulse.stop();
            assertTrue(pulse.isStopped());
        } finally {
            timer.shutdownNow();
        }
    }
}
