package io.socketee.internal.adapter.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.internal.metrics.Counter;
import io.socketee.internal.metrics.MetricsRecorder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RedisPublisherTest {
    private static final long WAIT_SECONDS = 10;

    /** Counts what the publisher reports. */
    private static final class Counts implements MetricsRecorder {
        final Map<Counter, AtomicLong> values = new ConcurrentHashMap<>();

        @Override
        public void add(Counter counter, String label, long amount) {
            values.computeIfAbsent(counter, c -> new AtomicLong()).addAndGet(amount);
        }

        long of(Counter counter) {
            AtomicLong v = values.get(counter);
            return v == null ? 0 : v.get();
        }

        /** The counter once it reaches {@code expected} (the thread counts after the sink returns), or as it is after 10 s. */
        long await(Counter counter, long expected) throws InterruptedException {
            for (int i = 0; i < WAIT_SECONDS * 100 && of(counter) < expected; i++) {
                Thread.sleep(10);
            }
            return of(counter);
        }
    }

    /** A Redis that takes batches only when the test lets it, and remembers them. */
    private static final class GatedSink implements RedisPublisher.Sink {
        final BlockingQueue<List<String>> batches = new LinkedBlockingQueue<>();
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch gate = new CountDownLatch(1);

        @Override
        public void send(List<RedisPublisher.Message> batch) {
            entered.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            List<String> texts = new ArrayList<>();
            for (RedisPublisher.Message m : batch) {
                texts.add(text(m.channel()) + ":" + text(m.body()));
            }
            batches.add(texts);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static List<String> take(GatedSink sink, int messages) throws InterruptedException {
        List<String> all = new ArrayList<>();
        while (all.size() < messages) {
            List<String> batch = sink.batches.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertTrue(batch != null, "a batch within " + WAIT_SECONDS + " s; got " + all);
            all.addAll(batch);
        }
        return all;
    }

    @Test
    void offeringNeverWaitsForRedisAndEverythingGoesOutInOrderOnceItAnswers() throws Exception {
        GatedSink redis = new GatedSink();
        Counts counts = new Counts();
        try (RedisPublisher publisher = new RedisPublisher(redis, 1 << 20, Thread::new, counts, "test")) {
            assertTrue(publisher.offer(bytes("c"), bytes("first")));
            assertTrue(redis.entered.await(WAIT_SECONDS, TimeUnit.SECONDS), "the publisher thread is in Redis");
            // Redis does not answer: offers return at once and wait in the queue
            for (int i = 0; i < 1000; i++) {
                assertTrue(publisher.offer(bytes("c"), bytes("m" + i)));
            }
            long waiting = 0;
            for (int i = 0; i < 1000; i++) {
                waiting += 1 + ("m" + i).length();
            }
            assertEquals(waiting, publisher.queuedBytes(), "channel and body bytes wait");
            redis.gate.countDown();
            List<String> sent = take(redis, 1001);
            List<String> expected = new ArrayList<>(List.of("c:first"));
            for (int i = 0; i < 1000; i++) {
                expected.add("c:m" + i);
            }
            assertEquals(expected, sent);
        }
        assertEquals(1001, counts.await(Counter.REDIS_PUBLISHES, 1001));
    }

    @Test
    void aBatchHoldsAtMostItsCountOfMessages() throws Exception {
        GatedSink redis = new GatedSink();
        try (RedisPublisher publisher = new RedisPublisher(redis, 1 << 20, Thread::new, MetricsRecorder.NONE, "test")) {
            publisher.offer(bytes("c"), bytes("first"));
            assertTrue(redis.entered.await(WAIT_SECONDS, TimeUnit.SECONDS));
            for (int i = 0; i < RedisPublisher.MAX_BATCH * 2 + 1; i++) {
                publisher.offer(bytes("c"), bytes("x"));
            }
            redis.gate.countDown();
            assertEquals(List.of("c:first"), redis.batches.poll(WAIT_SECONDS, TimeUnit.SECONDS));
            assertEquals(RedisPublisher.MAX_BATCH, redis.batches.poll(WAIT_SECONDS, TimeUnit.SECONDS).size());
            assertEquals(RedisPublisher.MAX_BATCH, redis.batches.poll(WAIT_SECONDS, TimeUnit.SECONDS).size());
            assertEquals(1, redis.batches.poll(WAIT_SECONDS, TimeUnit.SECONDS).size());
        }
    }

    @Test
    void whatDoesNotFitInTheCapacityIsDroppedAtOnceAndCounted() throws Exception {
        GatedSink redis = new GatedSink();
        Counts counts = new Counts();
        try (RedisPublisher publisher = new RedisPublisher(redis, 100, Thread::new, counts, "test")) {
            publisher.offer(bytes("c"), bytes("in flight"));
            assertTrue(redis.entered.await(WAIT_SECONDS, TimeUnit.SECONDS));
            byte[] ten = new byte[9]; // 1 + 9 bytes with the channel
            for (int i = 0; i < 10; i++) {
                assertTrue(publisher.offer(bytes("c"), ten), "message " + i + " fits");
            }
            assertEquals(100, publisher.queuedBytes());
            assertFalse(publisher.offer(bytes("c"), ten), "the 101st byte does not fit");
            assertFalse(publisher.offer(bytes("c"), new byte[0]));
            assertEquals(2, counts.of(Counter.REDIS_ERRORS));
            redis.gate.countDown();
            assertEquals(11, take(redis, 11).size());
        }
    }

    @Test
    void oneMessageLargerThanTheCapacityStillGoesWhenNothingWaits() throws Exception {
        GatedSink redis = new GatedSink();
        redis.gate.countDown();
        try (RedisPublisher publisher = new RedisPublisher(redis, 10, Thread::new, MetricsRecorder.NONE, "test")) {
            assertTrue(publisher.offer(bytes("c"), new byte[1000]));
            assertEquals(1, take(redis, 1).size());
        }
    }

    @Test
    void aBatchRedisRefusesIsDroppedAndCountedAndTheNextOneGoes() throws Exception {
        BlockingQueue<String> sent = new LinkedBlockingQueue<>();
        CountDownLatch refused = new CountDownLatch(1);
        Counts counts = new Counts();
        RedisPublisher.Sink flaky = batch -> {
            for (RedisPublisher.Message m : batch) {
                if (text(m.body()).equals("bad")) {
                    refused.countDown();
                    throw new IllegalStateException("Redis is away");
                }
                sent.add(text(m.body()));
            }
        };
        try (RedisPublisher publisher = new RedisPublisher(flaky, 1 << 20, Thread::new, counts, "test")) {
            publisher.offer(bytes("c"), bytes("bad"));
            assertTrue(refused.await(WAIT_SECONDS, TimeUnit.SECONDS));
            publisher.offer(bytes("c"), bytes("good"));
            assertEquals("good", sent.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        }
        assertEquals(1, counts.of(Counter.REDIS_ERRORS));
        assertEquals(1, counts.await(Counter.REDIS_PUBLISHES, 1));
    }

    @Test
    void closingEndsTheThreadAndDropsWhatWaits() throws Exception {
        GatedSink redis = new GatedSink();
        Counts counts = new Counts();
        List<Thread> started = new ArrayList<>();
        RedisPublisher publisher = new RedisPublisher(redis, 1 << 20, r -> {
            Thread t = new Thread(r);
            started.add(t);
            return t;
        }, counts, "test");
        publisher.offer(bytes("c"), bytes("in flight"));
        assertTrue(redis.entered.await(WAIT_SECONDS, TimeUnit.SECONDS));
        publisher.offer(bytes("c"), bytes("waits"));
        publisher.close();
        assertFalse(publisher.offer(bytes("c"), bytes("after close")));
        redis.gate.countDown();
        started.get(0).join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        assertFalse(started.get(0).isAlive(), "the publisher thread ended");
        assertEquals(List.of("c:in flight"), redis.batches.poll());
        assertEquals(null, redis.batches.poll());
        assertEquals(2, counts.of(Counter.REDIS_ERRORS), "the one that waited and the one offered after close");
    }

    @Test
    void aCapacityMustBePositive() {
        assertThrows(IllegalArgumentException.class,
                () -> new RedisPublisher(batch -> { }, 0, Thread::new, MetricsRecorder.NONE, "test"));
    }
}
