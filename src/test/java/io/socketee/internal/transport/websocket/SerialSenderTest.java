package io.socketee.internal.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** {@link SerialSender}'s two ways of writing, over a recording stand-in for the container's session. */
class SerialSenderTest {

    /** A session that records writes; asynchronous sends complete only when the test says so. */
    private static final class FakeSession {
        final List<String> written = new CopyOnWriteArrayList<>();
        final List<SendHandler> pending = new ArrayList<>();
        /** What happens while the container's close runs (a close that hangs lets time pass here). */
        Runnable duringClose = () -> { };
        final Session session = proxy(Session.class, (name, args) -> switch (name) {
            case "getBasicRemote" -> basic();
            case "getAsyncRemote" -> async();
            case "isOpen" -> true;
            case "getId" -> "s1";
            case "close" -> {
                duringClose.run();
                written.add("close " + ((CloseReason) args[0]).getCloseCode().getCode());
                yield null;
            }
            default -> null;
        });

        private RemoteEndpoint.Basic basic() {
            return proxy(RemoteEndpoint.Basic.class, (name, args) -> {
                written.add(name.equals("sendText") ? "text " + args[0] : "binary " + ((ByteBuffer) args[0]).remaining());
                return null;
            });
        }

        private RemoteEndpoint.Async async() {
            return proxy(RemoteEndpoint.Async.class, (name, args) -> {
                written.add("async " + args[0]);
                pending.add((SendHandler) args[1]);
                return null;
            });
        }

        void completeOne() {
            pending.remove(0).onResult(new SendResult());
        }
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(SerialSenderTest.class.getClassLoader(), new Class<?>[] {type},
                (p, m, args) -> answer.answer(m.getName(), args)));
    }

    /** Runs closes only when the test says so, to show they never run on the caller's thread. */
    private static final class ManualExecutor implements java.util.concurrent.Executor {
        final List<Runnable> tasks = new ArrayList<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            List<Runnable> now = List.copyOf(tasks);
            tasks.clear();
            now.forEach(Runnable::run);
        }
    }

    /** A timer that runs nothing by itself: the test fires what is due, or sees it cancelled. */
    private static final class ScheduledRecorder {
        final List<Runnable> scheduled = new ArrayList<>();
        final List<Boolean> cancelled = new ArrayList<>();
        final java.util.concurrent.ScheduledExecutorService executor = proxy(java.util.concurrent.ScheduledExecutorService.class,
                (name, args) -> {
                    if (!name.equals("schedule")) {
                        throw new UnsupportedOperationException(name);
                    }
                    int index = scheduled.size();
                    scheduled.add((Runnable) args[0]);
                    cancelled.add(false);
                    return proxy(java.util.concurrent.ScheduledFuture.class, (n, a) -> {
                        if (n.equals("cancel")) {
                            cancelled.set(index, true);
                            return true;
                        }
                        throw new UnsupportedOperationException(n);
                    });
                });

        void fireAll() {
            for (int i = 0; i < scheduled.size(); i++) {
                if (!cancelled.get(i)) {
                    scheduled.get(i).run();
                }
            }
        }
    }

    private final FakeSession fake = new FakeSession();
    private final ManualExecutor closer = new ManualExecutor();
    private final ScheduledRecorder timer = new ScheduledRecorder();
    private final List<String> aborted = new CopyOnWriteArrayList<>();
    private final SerialSender sender = new SerialSender(fake.session, new SessionCloser(closer, timer.executor,
            java.time.Duration.ofSeconds(10), (s, reason) -> aborted.add("abort " + reason.getCloseCode().getCode())));

    @Test
    void writesGoOneAtATimeFromEachCompletion() {
        sender.sendText("a");
        sender.sendText("b");
        assertEquals(List.of("async a"), fake.written, "b waits for a's completion");
        fake.completeOne();
        assertEquals(List.of("async a", "async b"), fake.written);
        fake.completeOne();
        assertEquals(List.of(), fake.pending);
    }

    @Test
    void aHeartbeatGoesAheadOfQueuedMessagesButAfterTheOneBeingWritten() {
        sender.sendText("a");
        sender.sendText("b");
        sender.sendText("c");
        sender.sendUrgentText("2");
        sender.sendUrgentText("2 again");
        for (int i = 0; i < 4; i++) {
            fake.completeOne();
        }
        assertEquals(List.of("async a", "async 2", "async 2 again", "async b", "async c"), fake.written);
    }

    @Test
    void pendingBytesCountWhatIsQueuedOrInFlightAndProgressCountsCompletions() {
        sender.sendText("abc");
        sender.sendBinary(new byte[5]);
        assertEquals(8, sender.pendingBytes());
        assertEquals(0, sender.progress());
        fake.completeOne();
        assertEquals(5, sender.pendingBytes(), "the text frame is written");
        assertEquals(1, sender.progress());
        fake.completeOne();
        assertEquals(0, sender.pendingBytes());
        assertEquals(2, sender.progress());
    }

    @Test
    void theCloseComesAfterTheQueuedFramesAndRunsOnTheCloser() {
        sender.sendText("a");
        sender.close(1000, "");
        sender.sendText("too late");
        fake.completeOne();
        assertEquals(List.of("async a"), fake.written, "the close is handed to the closer, not run here");
        closer.runAll();
        assertEquals(List.of("async a", "close 1000"), fake.written);
    }

    @Test
    void abortDropsTheQueueAtOnceAndClosesOnTheCloserWithoutWaitingForThePendingWrite() {
        sender.sendText("in flight");
        sender.sendText("queued 1");
        sender.sendText("queued 2");
        sender.abort(1008, "output not read");
        assertEquals(0, sender.pendingBytes(), "released at once");
        assertEquals(List.of("async in flight"), fake.written, "nothing is closed on the caller's thread");
        closer.runAll();
        assertEquals(List.of("async in flight", "close 1008"), fake.written, "closed with the write still pending");

        fake.completeOne(); // the stuck write ends at last (the container failed it)
        sender.sendText("after");
        assertEquals(List.of("async in flight", "close 1008"), fake.written, "the queued frames never go out");
        assertEquals(0, sender.pendingBytes());
    }

    @Test
    void aCloseThatReturnsCallsOffTheForcedEndAndHasTheConnectionCheckedOnceMoreAfterTheGrace() {
        sender.close(1000, "");
        closer.runAll();
        assertEquals(List.of("close 1000"), fake.written);
        assertEquals(List.of(true, false), timer.cancelled, "the forced end under the close was called off");
        assertEquals(List.of(), aborted, "nothing ended by force while the close ran");
        timer.fireAll();
        assertEquals(List.of("abort 1000"), aborted, "a connection still open after the grace is ended");
    }

    @Test
    void aCloseThatDoesNotReturnWithinTheGraceHasItsConnectionEndedByForce() {
        fake.duringClose = timer::fireAll; // the container's close is stuck while the grace passes
        sender.abort(1008, "output not read");
        closer.runAll();
        assertEquals(List.of("abort 1008"), aborted, "the connection was ended under the stuck close");
        assertEquals(List.of(true, false), timer.cancelled, "once the close returns, one more check is due");
        assertEquals(List.of("close 1008"), fake.written);
    }
}
