package io.socketee.internal.adapter.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.IoException;
import io.socketee.internal.sio.ManualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PendingRequestsTest {
    private final ManualScheduler scheduler = new ManualScheduler();
    private final AtomicInteger timeouts = new AtomicInteger();
    private final PendingRequests<String> pending = new PendingRequests<>(scheduler, timeouts::incrementAndGet);

    @Test
    void aRequestCompletesWithItsAnswersOnceAllCame() throws Exception {
        CompletableFuture<List<String>> result = pending.await("r1", 2, Duration.ofSeconds(5),
                partial -> new IllegalStateException());
        assertTrue(pending.answer("r1", "a"));
        assertFalse(result.isDone());
        assertTrue(pending.answer("r1", "b"));
        assertEquals(List.of("a", "b"), result.get());
        assertFalse(pending.waiting("r1"), "a completed request no longer waits");
        assertFalse(pending.answer("r1", "late"));
    }

    @Test
    void aRequestTimesOutWithTheAnswersThatCame() {
        CompletableFuture<List<String>> result = pending.await("r1", 2, Duration.ofSeconds(5),
                partial -> new IllegalStateException("got " + partial));
        pending.answer("r1", "a");
        scheduler.advance(Duration.ofSeconds(5));
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, result::get);
        assertEquals("got [a]", e.getCause().getMessage());
        assertEquals(1, timeouts.get());
        assertFalse(pending.waiting("r1"));
    }

    @Test
    void answersToAnotherRequestAreNotCounted() {
        pending.await("r1", 1, Duration.ofSeconds(5), partial -> new IllegalStateException());
        assertFalse(pending.answer("r2", "a"));
        assertTrue(pending.waiting("r1"));
    }

    @Test
    void broadcastAcksCountUntilTheirTime() {
        pending.awaitAcks("b1", new io.socketee.adapter.BroadcastAck() {
            @Override
            public void expect(int count) {
            }

            @Override
            public void answered(io.socketee.Args answer) {
            }

            @Override
            public void lost() {
            }
        }, Duration.ofSeconds(2));
        assertTrue(pending.awaitingAcks("b1"));
        assertTrue(pending.acks("b1").isPresent());
        scheduler.advance(Duration.ofSeconds(2));
        assertFalse(pending.awaitingAcks("b1"));
    }

    @Test
    void closingFailsEveryWaitingRequest() {
        CompletableFuture<List<String>> result = pending.await("r1", 1, Duration.ofSeconds(5),
                partial -> new IllegalStateException());
        pending.close("closed");
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, result::get);
        assertTrue(e.getCause() instanceof IoException);
        assertEquals(0, timeouts.get());
    }
}
