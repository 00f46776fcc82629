package io.socketee.internal.sio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.internal.protocol.engine.EngineVersion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Listeners run off the engine's thread, in order per client, and a blocked client stalls no other. */
class OrderingTest {
    private static final int EVENTS = 200;
    private final ExecutorService pool = Executors.newFixedThreadPool(3);
    private final SioFixture fx = new SioFixture(pool);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void blockedClientKeepsItsOrderAndStallsNoOther() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch otherServed = new CountDownLatch(1);
        CountDownLatch allSeen = new CountDownLatch(EVENTS);
        List<Long> order = Collections.synchronizedList(new ArrayList<>());
        Set<Thread> listenerThreads = ConcurrentHashMap.newKeySet();
        fx.server.onConnection(socket -> {
            socket.on("block", (s, a, k) -> release.await());
            socket.on("n", (s, args, k) -> {
                listenerThreads.add(Thread.currentThread());
                order.add((Long) args.get(0));
                allSeen.countDown();
            });
            socket.on("ping", (s, a, k) -> otherServed.countDown());
        });
        FakeEngineSocket slow = fx.open(EngineVersion.V3);
        FakeEngineSocket other = fx.open(EngineVersion.V3);

        slow.receive("2[\"block\"]");
        for (long i = 0; i < EVENTS; i++) {
            slow.receive("2[\"n\"," + i + "]");
        }
        other.receive("2[\"ping\"]");

        assertTrue(otherServed.await(10, TimeUnit.SECONDS), "the other client was served while one blocks");
        assertEquals(List.of(), List.copyOf(order), "nothing of the blocked client ran past its block");
        release.countDown();
        assertTrue(allSeen.await(10, TimeUnit.SECONDS));
        List<Long> expected = new ArrayList<>();
        for (long i = 0; i < EVENTS; i++) {
            expected.add(i);
        }
        assertEquals(expected, List.copyOf(order));
        for (Thread t : listenerThreads) {
            assertNotSame(Thread.currentThread(), t, "listeners never run on the engine's thread");
        }
    }
}
