package io.socketee.internal.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.Ack;
import io.socketee.DisconnectReason;
import io.socketee.Socket;
import io.socketee.event.IoNamespace;
import io.socketee.event.OnConnect;
import io.socketee.event.OnDisconnect;
import io.socketee.event.OnEvent;
import io.socketee.event.SocketEvent;
import jakarta.enterprise.event.Observes;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading handler methods at deployment: parameter kinds, namespaces, and every problem reported. */
class HandlerMethodTest {

    record Message(String text) {
    }

    @IoNamespace("/chat")
    static class Good {
        String chat(@Observes @OnEvent("chat") Message m, Socket s, Optional<Ack> ack, int n) {
            return "";
        }

        void joined(@Observes @IoNamespace("/other") @OnConnect Socket s) {
        }

        void left(@Observes @OnDisconnect SocketEvent e, DisconnectReason r) {
        }
    }

    static class Bad {
        private void hidden(@Observes @OnEvent("x") SocketEvent e) {
        }

        <T> void generic(@Observes @OnEvent("connect") SocketEvent e, T value, List<?> list) {
        }

        void lifecycle(@Observes @OnConnect SocketEvent e, Message payload, DisconnectReason r) {
        }

        void plain(@Observes String notOurs) {
        }
    }

    @IoNamespace(pattern = "^/workspace-\\w+$")
    static class Workspaces {
        void joined(@Observes @OnConnect Socket s) {
        }

        void main(@Observes @IoNamespace @OnEvent("x") SocketEvent e) {
        }

        @IoNamespace(value = "/one", pattern = "^/two$")
        void both(@Observes @OnEvent("y") SocketEvent e) {
        }

        @IoNamespace(pattern = "^/(unclosed$")
        void broken(@Observes @OnEvent("z") SocketEvent e) {
        }
    }

    private static Optional<HandlerMethod> read(Class<?> type, String name, List<String> problems) {
        Method m = Arrays.stream(type.getDeclaredMethods()).filter(x -> x.getName().equals(name)).findFirst().orElseThrow();
        int observed = 0;
        List<Annotation> qualifiers = new ArrayList<>();
        for (int i = 0; i < m.getParameterCount(); i++) {
            for (Annotation a : m.getParameterAnnotations()[i]) {
                if (a instanceof Observes) {
                    observed = i;
                }
            }
        }
        for (Annotation a : m.getParameterAnnotations()[observed]) {
            if (a.annotationType().isAnnotationPresent(jakarta.inject.Qualifier.class)) {
                qualifiers.add(a);
            }
        }
        return HandlerMethod.read(type, m, observed, qualifiers, 1000, problems);
    }

    @Test
    void parametersAreResolvedByKindAndPayloadsTakeTheArgumentsInOrder() {
        List<String> problems = new ArrayList<>();
        HandlerMethod chat = read(Good.class, "chat", problems).orElseThrow();
        assertEquals(List.of(), problems);
        assertEquals(HandlerKind.EVENT, chat.kind());
        assertEquals("chat", chat.event());
        assertEquals(new NamespaceRef.Named("/chat"), chat.namespace(), "from the class");
        assertEquals(List.of(new HandlerArgument.Payload(0, Message.class), new HandlerArgument.SocketPart(Socket.class),
                new HandlerArgument.AckArg(true), new HandlerArgument.Payload(1, int.class)), chat.arguments());
        assertTrue(chat.returnsValue());
        assertEquals(new NamespaceRef.Named("/other"), read(Good.class, "joined", problems).orElseThrow().namespace(),
                "the parameter wins");
        assertEquals(List.of(new HandlerArgument.WholeEvent(), new HandlerArgument.ReasonArg()),
                read(Good.class, "left", problems).orElseThrow().arguments());
    }

    @Test
    void everyProblemIsReportedWithItsId() {
        List<String> problems = new ArrayList<>();
        assertTrue(read(Bad.class, "hidden", problems).isEmpty());
        assertTrue(read(Bad.class, "generic", problems).isEmpty());
        assertTrue(read(Bad.class, "lifecycle", problems).isEmpty());
        assertTrue(read(Bad.class, "plain", problems).isEmpty(), "not a SocketEE observer");
        String all = String.join("\n", problems);
        assertEquals(6, problems.size(), all);
        assertTrue(all.contains("SOCKETEE-HANDLER-003 " + Bad.class.getName() + ".hidden"), all);
        assertTrue(all.contains("SOCKETEE-HANDLER-004 " + Bad.class.getName() + ".generic: @OnEvent(\"connect\")"), all);
        assertTrue(all.contains("generic parameter 2: unsupported parameter type T"), all);
        assertTrue(all.contains("generic parameter 3: unsupported parameter type java.util.List<?>"), all);
        assertTrue(all.contains("lifecycle parameter 2: unsupported parameter type"), all);
        assertTrue(all.contains("lifecycle parameter 3: a DisconnectReason is only given"), all);
    }

    @Test
    void aPatternMakesTheHandlerServeADynamicNamespaceAndAnEmptyNameIsTheMainOne() {
        List<String> problems = new ArrayList<>();
        assertEquals(new NamespaceRef.Dynamic("^/workspace-\\w+$"),
                read(Workspaces.class, "joined", problems).orElseThrow().namespace(), "from the class");
        assertEquals(new NamespaceRef.Named("/"), read(Workspaces.class, "main", problems).orElseThrow().namespace(),
                "a bare @IoNamespace on the parameter wins: the main namespace");
        assertEquals(List.of(), problems);
    }

    @Test
    void aNameWithAPatternOrAPatternThatDoesNotCompileIsReported() {
        List<String> problems = new ArrayList<>();
        assertTrue(read(Workspaces.class, "both", problems).isEmpty());
        assertTrue(read(Workspaces.class, "broken", problems).isEmpty());
        String all = String.join("\n", problems);
        assertEquals(2, problems.size(), all);
        assertTrue(all.contains("SOCKETEE-HANDLER-012 " + Workspaces.class.getName() + ".both: @IoNamespace has both a name"
                + " (\"/one\") and a pattern (\"^/two$\")"), all);
        assertTrue(all.contains("SOCKETEE-HANDLER-013 " + Workspaces.class.getName() + ".broken: @IoNamespace(pattern ="
                + " \"^/(unclosed$\") is not a regular expression: Unclosed group"), all);
    }
}
