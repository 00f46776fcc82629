package io.socketee.internal.adapter.cluster;

import io.socketee.IoException;
import io.socketee.adapter.BroadcastAck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The request and response bookkeeping every cluster adapter shares, whatever its wire: the
 * requests of this node that wait for a number of answers from the others (fetchSockets,
 * serverSideEmit with acks, allRooms), each failing after its timeout with what came, and the
 * broadcasts with acks whose client counts and answers still count.
 *
 * <p>Thread-safe: both tables are concurrent maps, and a request completes once (answers are
 * collected under the request's own lock).
 *
 * @param <R> a response, as the adapter's wire decodes it
 */
public final class PendingRequests<R> {
    private final ScheduledExecutorService scheduler;
    private final Runnable onTimeout;
    private final Map<String, Pending<R>> requests = new ConcurrentHashMap<>();
    private final Map<String, BroadcastAck> acks = new ConcurrentHashMap<>();

    /**
     * @param scheduler runs the timeouts
     * @param onTimeout called each time a request times out (a metric)
     */
    public PendingRequests(ScheduledExecutorService scheduler, Runnable onTimeout) {
        this.scheduler = scheduler;
        this.onTimeout = onTimeout;
    }

    /**
     * Waits for {@code expected} answers to request {@code requestId}; after {@code timeout} the
     * result fails with what {@code timedOut} makes of the answers that came. Register before
     * publishing the request, so no answer can come first.
     */
    public CompletableFuture<List<R>> await(String requestId, int expected, Duration timeout,
            Function<List<R>, Throwable> timedOut) {
        Pending<R> pending = new Pending<>(expected);
        requests.put(requestId, pending);
        ScheduledFuture<?> timer = scheduler.schedule(() -> {
            if (requests.remove(requestId, pending)) {
                onTimeout.run();
                pending.result.completeExceptionally(timedOut.apply(pending.answers()));
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        pending.result.whenComplete((r, e) -> {
            timer.cancel(false);
            requests.remove(requestId, pending);
        });
        return pending.result;
    }

    /** Whether request {@code requestId} is this node's and still waits (a node does not answer itself). */
    public boolean waiting(String requestId) {
        return requests.containsKey(requestId);
    }

    /** Counts {@code response} as one answer to {@code requestId}; whether that request was waiting. */
    public boolean answer(String requestId, R response) {
        Pending<R> pending = requests.get(requestId);
        if (pending == null) {
            return false;
        }
        pending.add(response);
        return true;
    }

    /** Counts the client counts and answers to broadcast {@code requestId} for {@code keep}. */
    public void awaitAcks(String requestId, BroadcastAck ack, Duration keep) {
        acks.put(requestId, ack);
        scheduler.schedule(() -> {
            acks.remove(requestId);
        }, keep.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether broadcast {@code requestId} is this node's and its answers still count. */
    public boolean awaitingAcks(String requestId) {
        return acks.containsKey(requestId);
    }

    /** Where the client counts and answers to broadcast {@code requestId} go, while they count. */
    public Optional<BroadcastAck> acks(String requestId) {
        return Optional.ofNullable(acks.get(requestId));
    }

    /** Fails every waiting request (the adapter closes) and forgets the broadcasts. */
    public void close(String why) {
        for (Pending<R> p : requests.values()) {
            p.result.completeExceptionally(new IoException(why));
        }
        requests.clear();
        acks.clear();
    }

    /** The answers one request still waits for. Thread-safe: guarded by itself. */
    private static final class Pending<R> {
        final int expected;
        final List<R> responses = new ArrayList<>();
        final CompletableFuture<List<R>> result = new CompletableFuture<>();

        Pending(int expected) {
            this.expected = expected;
        }

        void add(R r) {
            List<R> done = null;
            synchronized (this) {
                responses.add(r);
                if (responses.size() == expected) {
                    done = List.copyOf(responses);
                }
            }
            if (done != null) {
                result.complete(done);
            }
        }

        synchronized List<R> answers() {
            return List.copyOf(responses);
        }
    }
}
