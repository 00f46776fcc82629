package io.socketee.internal.adapter.redis.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The stream writer and reader across a Redis outage, on real threads over an in-memory store:
 * what is written while Redis is away waits and goes in order once it is back, and the reader
 * resumes after the last entry it read, so nothing is lost. (Waits are bounded by generous
 * timeouts; nothing asserts on time.)
 */
class StreamOutageTest {
    private final InMemoryStreamsStore store = new InMemoryStreamsStore();

    @Test
    void entriesWrittenWhileRedisIsAwayGoInOrderOnceItIsBack() throws Exception {
        try (StreamWriter writer = new StreamWriter(store, 100, 10, Thread::new)) {
            store.down();
            List<CompletableFuture<String>> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ids.add(writer.add("s", Map.of("n", Integer.toString(i))));
            }
            assertFalse(ids.get(0).isDone(), "nothing is written while Redis is away");
            store.up();
            for (CompletableFuture<String> id : ids) {
                id.get(30, TimeUnit.SECONDS);
            }
            List<String> written = store.entries("s").stream().map(e -> e.fields().get("n")).toList();
            assertEquals(List.of("0", "1", "2"), written);
        }
    }

    @Test
    void anEntryRedisRefusesFailsAloneAndTheNextOnesGoOn() throws Exception {
        try (StreamWriter writer = new StreamWriter(store, 100, 10, Thread::new)) {
            store.refuse("bad");
            CompletableFuture<String> refused = writer.add("bad", Map.of("n", "0"));
            CompletableFuture<String> next = writer.add("s", Map.of("n", "1"));
            next.get(30, TimeUnit.SECONDS);
            assertTrue(refused.isCompletedExceptionally());
            assertEquals(List.of("1"), store.entries("s").stream().map(e -> e.fields().get("n")).toList());
        }
    }

    @Test
    void aFullOutboxRefusesAtOnce() {
        try (StreamWriter writer = new StreamWriter(store, 100, 1, Thread::new)) {
            store.down();
            List<CompletableFuture<String>> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(writer.add("s", Map.of("n", Integer.toString(i))));
            }
            assertTrue(ids.get(4).isCompletedExceptionally(), "the writer holds one entry and the outbox one more");
        }
    }

    @Test
    void theReaderResumesAfterTheLastEntryItReadWhenRedisIsBack() throws Exception {
        store.add("s", 100, Map.of("n", "before start"));
        List<String> read = new CopyOnWriteArrayList<>();
        try (StreamReader reader = new StreamReader(store, "s", 2, Duration.ofMillis(10),
                e -> read.add(e.fields().get("n")), Thread::new)) {
            waitFor(() -> store.reads() > 0); // it knows where it starts
            store.add("s", 100, Map.of("n", "0"));
            waitFor(() -> read.size() == 1);
            store.down();
            Thread.sleep(50); // let the reader meet the outage
            store.up();
            for (int i = 1; i <= 5; i++) {
                store.add("s", 100, Map.of("n", Integer.toString(i)));
            }
            waitFor(() -> read.size() == 6);
        }
        assertEquals(List.of("0", "1", "2", "3", "4", "5"), read, "from the start, in order, none twice");
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 3000 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean(), "condition not met within 30 s");
    }
}
