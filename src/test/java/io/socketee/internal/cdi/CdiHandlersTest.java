package io.socketee.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.DisconnectReason;
import io.socketee.Socket;
import io.socketee.event.IoNamespace;
import io.socketee.event.OnConnect;
import io.socketee.event.OnDisconnect;
import io.socketee.event.OnEvent;
import io.socketee.event.SocketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Handlers found by the CDI extension on Weld and called for real packets: each bound to its
 * namespace, its result answering the acknowledgement, lifecycle handlers told of each socket.
 */
class CdiHandlersTest {
    private final CdiFixture cdi = CdiFixture.boot(Map.of(), Main.class, Admin.class, Journal.class);

    @AfterEach
    void stop() {
        cdi.close();
    }

    /** Handlers of the main namespace, on an application-scoped bean with an injected bean. */
    @ApplicationScoped
    public static class Main {
        @Inject
        Journal journal;

        String echo(@Observes @OnEvent("echo") String text) {
            return text;
        }

        String whoami(@Observes @OnEvent("whoami") SocketEvent e) {
            return "main";
        }

        String onlyMain(@Observes @OnEvent("onlyMain") SocketEvent e) {
            return "main";
        }

        void joined(@Observes @OnConnect Socket socket) {
            socket.emit("welcome", socket.namespace().name());
        }

        void left(@Observes @OnDisconnect DisconnectReason reason, Socket socket) {
            journal.add("left " + socket.namespace().name() + ": " + reason.wireName());
        }
    }

    /** Handlers of /admin, on a dependent bean. */
    @IoNamespace("/admin")
    public static class Admin {
        String whoami(@Observes @OnEvent("whoami") SocketEvent e) {
            return "admin";
        }
    }

    @Test
    void cdiKnowsNoObserverOfTheHandlersSoAnEventFiredWithTheirQualifiersReachesNone() {
        // the extension removed @Observes: SocketEE calls the handlers, CDI never does
        assertEquals(Set.of(), cdi.bean(BeanManager.class).resolveObserverMethods("hi", OnEvent.Literal.of("echo")));
    }

    @Test
    void anEventHandlersResultAnswersTheAcknowledgement() {
        WsClient client = cdi.connect("/");
        assertEquals("2[\"welcome\",\"/\"]", client.next());
        client.send("21[\"echo\",\"hi\"]");
        assertEquals("31[\"hi\"]", client.next());
    }

    @Test
    void eachHandlerServesTheNamespaceItsClassNames() {
        WsClient admin = cdi.connect("/admin");
        admin.send("2/admin,1[\"whoami\"]");
        assertEquals("3/admin,1[\"admin\"]", admin.next());
        WsClient main = cdi.connect("/");
        assertEquals("2[\"welcome\",\"/\"]", main.next());
        main.send("27[\"whoami\"]");
        assertEquals("37[\"main\"]", main.next());
    }

    @Test
    void anEventOfAnotherNamespacesHandlerIsNotDispatched() {
        WsClient admin = cdi.connect("/admin");
        // one client's packets are handled in order: an answer to 1 would come before the one to 2
        admin.send("2/admin,1[\"onlyMain\"]");
        admin.send("2/admin,2[\"whoami\"]");
        assertEquals("3/admin,2[\"admin\"]", admin.next());
    }

    @Test
    void lifecycleHandlersAreToldOfEachSocketThatJoinsAndLeaves() throws Exception {
        WsClient client = cdi.connect("/");
        assertEquals("2[\"welcome\",\"/\"]", client.next());
        client.send("1");
        assertEquals("left /: client namespace disconnect", cdi.bean(Journal.class).next());
    }

    @Test
    void aClientThatGoesAwayIsToldToTheDisconnectHandlers() throws Exception {
        WsClient client = cdi.connect("/");
        assertTrue(client.next().startsWith("2[\"welcome\""));
        client.drop();
        assertEquals("left /: transport close", cdi.bean(Journal.class).next());
    }
}
