package io.socketee.internal.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.IoException;
import io.socketee.Socket;
import io.socketee.event.OnConnect;
import io.socketee.event.OnDisconnect;
import io.socketee.event.OnDisconnecting;
import io.socketee.event.OnError;
import io.socketee.event.OnEvent;
import io.socketee.event.SocketEvent;
import io.socketee.internal.sio.FakeEngineSocket;
import io.socketee.internal.sio.SioFixture;
import jakarta.enterprise.event.Observes;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Dispatch of handlers: results answer acks, failures are contained, lifecycle events in order. */
class ControllersTest {
    /** Public, as JSON-B needs to construct it. */
    public record Point(int x, int y) {
    }

    /** A controller; public so reflection can call it like a CDI proxy would. */
    public static class Chat {
        final List<String> seen = new CopyOnWriteArrayList<>();
        final CompletableFuture<String> later = new CompletableFuture<>();

        public void connected(@Observes @OnConnect Socket s) {
            seen.add("connect " + s.namespace().name());
        }

        public String add(@Observes @OnEvent("add") Point p, int factor) {
            return "sum=" + (p.x() + p.y()) * factor;
        }

        public CompletionStage<String> slow(@Observes @OnEvent("slow") SocketEvent e) {
            return later;
        }

        public void manual(@Observes @OnEvent("manual") SocketEvent e) {
            e.reply("by hand", e.args().size());
        }

        public String boom(@Observes @OnEvent("boom") SocketEvent e) {
            throw new IllegalStateException("secret details");
        }

        public String refuse(@Observes @OnEvent("refuse") SocketEvent e) {
            throw new IoException("not allowed");
        }

        public void failed(@Observes @OnError SocketEvent e, Throwable t) {
            seen.add("error in " + e.name() + ": " + t.getMessage());
        }

        public void leaving(@Observes @OnDisconnecting Socket s, io.socketee.DisconnectReason r) {
            seen.add("disconnecting " + r + " rooms=" + s.rooms().size());
        }

        public void left(@Observes @OnDisconnect SocketEvent e) {
            seen.add("disconnect " + e.reason().orElseThrow());
        }
    }

    private final SioFixture fx = new SioFixture();
    private final Chat chat = new Chat();
    private final FakeEngineSocket conn;

    ControllersTest() {
        List<HandlerMethod> handlers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Method m : Chat.class.getDeclaredMethods()) {
            if (m.getParameterCount() == 0 || m.isSynthetic()) {
                continue;
            }
            List<Annotation> qualifiers = List.of(m.getParameterAnnotations()[0]).stream()
                    .filter(a -> a.annotationType().isAnnotationPresent(jakarta.inject.Qualifier.class)).toList();
            HandlerMethod.read(Chat.class, m, 0, qualifiers, 1000, problems).ifPresent(handlers::add);
        }
        assertEquals(List.of(), problems);
        Controllers.of(handlers).install(fx.server, h -> chat);
        conn = fx.connectV5("/");
    }

    @Test
    void aReturnedValueAnswersTheAckWithTypedArguments() {
        conn.receive("21[\"add\",{\"x\":2,\"y\":3},10]");
        assertEquals(List.of("31[\"sum=50\"]"), conn.texts());
        assertEquals(List.of("connect /"), chat.seen);
    }

    @Test
    void aStageAnswersWhenItCompletesAndAVoidHandlerAnswersItself() {
        conn.receive("22[\"slow\"]");
        conn.receive("23[\"manual\",1,2]");
        assertEquals(List.of("33[\"by hand\",2]"), conn.texts());
        chat.later.complete("done");
        assertEquals(List.of("33[\"by hand\",2]", "32[\"done\"]"), conn.texts());
    }

    @Test
    void failuresAnswerWithAnErrorTellOnErrorAndKeepTheSocket() {
        conn.receive("24[\"boom\"]");
        conn.receive("25[\"refuse\"]");
        conn.receive("2[\"boom\"]");
        conn.receive("26[\"add\",{\"x\":1,\"y\":1},1]");
        assertEquals(List.of("34[{\"error\":\"Internal server error\"}]", "35[{\"error\":\"not allowed\"}]",
                "36[\"sum=2\"]"), conn.texts());
        assertEquals(List.of("connect /", "error in boom: secret details", "error in refuse: not allowed",
                "error in boom: secret details"), chat.seen);
    }

    @Test
    void anArgumentThatDoesNotConvertIsAFailureToo() {
        conn.receive("27[\"add\",\"not a point\",1]");
        assertEquals(List.of("37[{\"error\":\"invalid arguments\"}]"), conn.texts());
        assertEquals("error in add: invalid arguments", chat.seen.get(1));
    }

    @Test
    void aClientsBadArgumentsLogOneFineLinePerConnectionWithoutAStackTraceAndAHandlersFailureAWarning() {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(Controllers.class.getName());
        List<java.util.logging.LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Level saved = log.getLevel();
        log.setLevel(java.util.logging.Level.ALL);
        log.addHandler(capture);
        try {
            for (int i = 0; i < 5; i++) {
                conn.receive("2" + i + "[\"add\",\"not a point\",1]");
            }
            assertEquals(1, records.size(), "one line for five bad packets of one connection");
            assertEquals(java.util.logging.Level.FINE, records.get(0).getLevel());
            assertEquals(null, records.get(0).getThrown(), "no stack trace");
            assertTrue(records.get(0).getMessage().startsWith("SOCKETEE-HANDLER-011"), records.get(0).getMessage());

            conn.receive("2[\"boom\"]");
            assertEquals(java.util.logging.Level.WARNING, records.get(1).getLevel(), "the application's own failure");
            assertTrue(records.get(1).getThrown() != null);
        } finally {
            log.removeHandler(capture);
            log.setLevel(saved);
        }
    }

    @Test
    void disconnectingSeesTheRoomsThenDisconnectTheReason() {
        conn.drop("transport close");
        assertEquals(List.of("connect /", "disconnecting transport close rooms=1", "disconnect transport close"),
                chat.seen);
    }
}
