package io.socketee.internal.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/** The serial executor: order, no thread held between tasks, fairness and failures. */
class SerialExecutorTest {
    /** An executor whose tasks run only when the test says so. */
    private final Queue<Runnable> queued = new ArrayDeque<>();
    private final Executor manual = queued::add;

    @Test
    void tasksRunInOrderOneTurnAtATime() {
        SerialExecutor serial = new SerialExecutor(manual);
        List<Integer> ran = new ArrayList<>();
        serial.execute(() -> ran.add(1));
        serial.execute(() -> ran.add(2));
        assertEquals(1, queued.size(), "one turn is scheduled for both tasks");
        queued.poll().run();
        assertEquals(List.of(1, 2), ran);
        assertTrue(queued.isEmpty(), "nothing is held once the queue is empty");
    }

    @Test
    void executeHereRunsOnTheCallerWhenIdleAndQueuesBehindWorkOtherwise() {
        SerialExecutor serial = new SerialExecutor(manual);
        List<String> ran = new ArrayList<>();
        serial.executeHere(() -> ran.add("here " + Thread.currentThread().getName()));
        assertEquals(List.of("here " + Thread.currentThread().getName()), ran, "idle: ran at once, on this thread");
        assertTrue(queued.isEmpty());

        serial.execute(() -> ran.add("queued"));
        serial.executeHere(() -> ran.add("after"));
        assertEquals(1, ran.size(), "busy: the second waits behind the first");
        queued.poll().run();
        assertEquals(List.of(ran.get(0), "queued", "after"), ran, "order kept");
    }

    @Test
    void executeHereInsideATaskQueuesInsteadOfNesting() {
        SerialExecutor serial = new SerialExecutor(manual);
        List<Integer> ran = new ArrayList<>();
        serial.executeHere(() -> {
            serial.executeHere(() -> ran.add(2));
            ran.add(1);
        });
        assertEquals(List.of(1, 2), ran, "the inner task runs after the outer one, never inside it");
    }

    @Test
    void longQueueYieldsTheThreadBetweenBatches() {
        SerialExecutor serial = new SerialExecutor(manual);
        List<Integer> ran = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int n = i;
            serial.execute(() -> ran.add(n));
        }
        queued.poll().run();
        assertTrue(ran.size() < 100);
        assertEquals(1, queued.size(), "the rest is scheduled as a new turn");
        queued.poll().run();
        assertEquals(100, ran.size());
    }

    @Test
    void failingTaskDoesNotStopTheNext() {
        SerialExecutor serial = new SerialExecutor(Runnable::run);
        List<String> ran = new ArrayList<>();
        serial.execute(() -> {
            throw new IllegalStateException("boom");
        });
        serial.execute(() -> ran.add("next"));
        assertEquals(List.of("next"), ran);
    }

    @Test
    void knowsWhetherTheCallerIsItsCurrentTask() {
        SerialExecutor serial = new SerialExecutor(Runnable::run);
        List<Boolean> inside = new ArrayList<>();
        serial.execute(() -> inside.add(serial.inCurrentThread()));
        assertEquals(List.of(true), inside);
        assertFalse(serial.inCurrentThread());
    }

    @Test
    void rejectedTurnRunsOnTheCaller() {
        SerialExecutor serial = new SerialExecutor(task -> {
            throw new RejectedExecutionException("shutting down");
        });
        List<String> ran = new ArrayList<>();
        serial.execute(() -> ran.add("done"));
        assertEquals(List.of("done"), ran);
    }
}
