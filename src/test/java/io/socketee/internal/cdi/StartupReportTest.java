package io.socketee.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.internal.config.SocketIoConfig.NamespaceConfig;
import io.socketee.internal.handler.HandlerKind;
import io.socketee.internal.handler.HandlerMethod;
import io.socketee.internal.handler.NamespaceRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The start-up block: one fact a line, namespaces with their middleware and handlers, changed settings. */
class StartupReportTest {

    /** Stands for an application's handler class. */
    static final class Chat {
        void message() {
        }

        void joined() {
        }
    }

    @Test
    void listsPathAdapterMetricsNamespacesHandlersMiddlewareAndChangedSettings() throws Exception {
        HandlerMethod message = new HandlerMethod(Chat.class, Chat.class.getDeclaredMethod("message"), HandlerKind.EVENT,
                "message", new NamespaceRef.Named("/chat"), 0, List.of());
        HandlerMethod joined = new HandlerMethod(Chat.class, Chat.class.getDeclaredMethod("joined"), HandlerKind.CONNECT,
                "", new NamespaceRef.Named("/chat"), 0, List.of());
        StartupReport report = new StartupReport("/socket.io",
                List.of(new NamespaceConfig("/", List.of(), List.of(), Map.of()),
                        new NamespaceConfig("/chat", List.of("token", "rate"), List.of("audit"), Map.of())),
                List.of(message, joined), "Redis at redis://:****@h:6379, channel prefix socket.io",
                "MicroProfile Metrics", Map.of("socketio.pingInterval", "1500", "socketio.redis.password", "****"));

        String chat = Chat.class.getName();
        assertEquals(String.join("\n",
                "SOCKETEE-BOOT-011 SocketEE started",
                "  path: /socket.io (under the application's context root)",
                "  adapter: Redis at redis://:****@h:6379, channel prefix socket.io",
                "  metrics: MicroProfile Metrics",
                "  namespace /",
                "    connection middleware: none",
                "    packet middleware: none",
                "  namespace /chat",
                "    connection middleware: token, rate",
                "    packet middleware: audit",
                "    handler connect: " + chat + ".joined",
                "    handler event \"message\": " + chat + ".message",
                "  settings changed from their defaults:",
                "    socketio.pingInterval=1500",
                "    socketio.redis.password=****"), report.text());
    }

    @Test
    void saysSoWhenNothingIsConfigured() {
        String text = new StartupReport("/socket.io", List.of(), List.of(), "in-memory (one server)",
                "none (no MicroProfile Metrics or Micrometer registry)", Map.of()).text();
        assertEquals(String.join("\n",
                "SOCKETEE-BOOT-011 SocketEE started",
                "  path: /socket.io (under the application's context root)",
                "  adapter: in-memory (one server)",
                "  metrics: none (no MicroProfile Metrics or Micrometer registry)",
                "  namespaces: none configured or handled (the application registers its listeners itself)",
                "  settings: all defaults"), text);
    }

    @Test
    void listsADynamicNamespaceByItsPatternWithItsConfiguredNameAndMiddleware() throws Exception {
        HandlerMethod joined = new HandlerMethod(Chat.class, Chat.class.getDeclaredMethod("joined"), HandlerKind.CONNECT,
                "", new NamespaceRef.Dynamic("^/w-\\d+$"), 0, List.of());
        String text = new StartupReport("/socket.io", List.of(new NamespaceConfig("workspaces",
                java.util.Optional.of("^/w-\\d+$"), List.of("auth"), List.of(), Map.of())), List.of(joined),
                "in-memory (one server)", "none", Map.of()).text();
        assertTrue(text.contains(String.join("\n",
                "  dynamic namespace ^/w-\\d+$",
                "    configured as workspaces",
                "    connection middleware: auth",
                "    packet middleware: none",
                "    handler connect: " + Chat.class.getName() + ".joined")), text);
    }
}
