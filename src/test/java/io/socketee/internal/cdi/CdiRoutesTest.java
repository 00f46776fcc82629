package io.socketee.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socketee.Socket;
import io.socketee.event.IoNamespace;
import io.socketee.event.OnEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Routes of configuration resolved on Weld to bean methods, by bean name or class, and dispatched. */
class CdiRoutesTest {
    private final CdiFixture cdi = CdiFixture.boot(Map.of(
            "socketio.namespaces", "/chat",
            "socketio.namespace./chat.route.say", "chatController#say",
            "socketio.namespace./chat.route.ping", Pings.class.getName() + "#ping"),
            ChatController.class, Pings.class, Annotated.class);

    @AfterEach
    void stop() {
        cdi.close();
    }

    /** Routed to by bean name; no annotation on the method. */
    @Named("chatController")
    @ApplicationScoped
    public static class ChatController {
        String say(String text, Socket socket) {
            return socket.namespace().name() + " heard " + text;
        }
    }

    /** Routed to by class name. */
    public static class Pings {
        String ping() {
            return "pong";
        }
    }

    /** An annotated handler beside the routes. */
    @IoNamespace("/chat")
    public static class Annotated {
        String shout(@Observes @OnEvent("shout") String text) {
            return text + "!";
        }
    }

    @Test
    void aRouteByBeanNameReachesItsMethodWithTheEventsArguments() {
        WsClient client = cdi.connect("/chat");
        client.send("2/chat,1[\"say\",\"hi\"]");
        assertEquals("3/chat,1[\"/chat heard hi\"]", client.next());
    }

    @Test
    void aRouteByClassNameReachesItsMethod() {
        WsClient client = cdi.connect("/chat");
        client.send("2/chat,4[\"ping\"]");
        assertEquals("3/chat,4[\"pong\"]", client.next());
    }

    @Test
    void routedAndAnnotatedHandlersServeOneNamespaceTogether() {
        WsClient client = cdi.connect("/chat");
        client.send("2/chat,1[\"shout\",\"hey\"]");
        client.send("2/chat,2[\"ping\"]");
        assertEquals("3/chat,1[\"hey!\"]", client.next());
        assertEquals("3/chat,2[\"pong\"]", client.next());
    }
}
