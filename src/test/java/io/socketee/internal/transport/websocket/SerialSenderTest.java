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
        final Session session = proxy(Session.class, (name, args) -> switch (name) {
            case "getBasicRemote" -> basic();
            case "getAsyncRemote" -> async();
            case "isOpen" -> true;
            case "getId" -> "s1";
            case "close" -> {
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

    @Test
    void directWritesWaitForTheFlushThenGoOutInOrderWithTheBlockingSend() {
        FakeSession fake = new FakeSession();
        SerialSender sender = new SerialSender(fake.session, 100, true);
        sender.sendText("a");
        sender.sendBinary(new byte[3]);
        sender.sendText("b");
        assertEquals(List.of(), fake.written, "nothing is written before the flush");

        sender.flush();
        assertEquals(List.of("text a", "binary 3", "text b"), fake.written);
        sender.flush();
        assertEquals(3, fake.written.size(), "a second flush has nothing to write");
    }

    @Test
    void directCloseComesAfterTheQueuedFrames() {
        FakeSession fake = new FakeSession();
        SerialSender sender = new SerialSender(fake.session, 100, true);
        sender.sendText("a");
        sender.close(1000, "");
        sender.sendText("too late");
        sender.flush();
        assertEquals(List.of("text a", "close 1000"), fake.written);
    }

    @Test
    void directOverflowDropsWhatWaitsAndClosesWithPolicyViolation() {
        FakeSession fake = new FakeSession();
        SerialSender sender = new SerialSender(fake.session, 2, true);
        for (int i = 0; i < 5; i++) {
            sender.sendText("m" + i);
        }
        sender.flush();
        assertEquals(List.of("close 1008"), fake.written, "like the asynchronous mode: the peer is dropped");
    }

    @Test
    void asynchronousWritesGoOneAtATimeFromEachCompletion() {
        FakeSession fake = new FakeSession();
        SerialSender sender = new SerialSender(fake.session, 100, false);
        sender.sendText("a");
        sender.sendText("b");
        sender.flush(); // does nothing in this mode
        assertEquals(List.of("async a"), fake.written, "b waits for a's completion");
        fake.completeOne();
        assertEquals(List.of("async a", "async b"), fake.written);
        fake.completeOne();
        assertEquals(List.of(), fake.pending);
    }
}
