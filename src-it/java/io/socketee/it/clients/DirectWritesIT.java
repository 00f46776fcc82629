package io.socketee.it.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socketee.it.protocol.support.SocketEeDeployments;
import io.socketee.it.support.ItServer;
import io.socketee.it.support.OfficialJavaClient;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test application with {@code socketio.directWrites=true} (frames written with the
 * container's blocking send after the session lock is released): the official clients over
 * WebSocket and upgrade pass the same scenarios as with the default asynchronous writes, and
 * frames written from many handler threads at once still arrive whole and in order.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class DirectWritesIT {
    private static final int EVENTS = 400;

    @ArquillianResource
    private URL base;

    private final List<OfficialJavaClient> clients = new ArrayList<>();

    @Deployment(testable = false)
    public static WebArchive app() {
        return SocketEeDeployments.withSetting("socketee-it-direct.war", "socketio.directWrites", "true");
    }

    @AfterEach
    void closeClients() {
        clients.forEach(OfficialJavaClient::close);
    }

    @Test
    void theDeploymentWritesDirectly() throws Exception {
        OfficialJavaClient client = connect("websocket");

        assertEquals("true", client.call("setting", "socketio.directWrites"));
    }

    @Test
    void manyEventsAndBroadcastsArriveWholeAndInOrder() throws Exception {
        OfficialJavaClient sender = connect("websocket", "echo");
        OfficialJavaClient member = connect("websocket", "news");
        assertEquals("joined", member.call("join", "direct"));

        for (int i = 0; i < EVENTS; i++) {
            sender.emit("echo", "e" + i);
            sender.emit("broadcast", "direct", "news", "n" + i);
        }

        for (int i = 0; i < EVENTS; i++) {
            assertEquals("echo:e" + i, sender.next());
            assertEquals("news:n" + i, member.next());
        }
    }

    @TestFactory
    Stream<DynamicNode> officialClientsOverWebSocketPassTheScenarios() {
        return new ClientScenarios(ItServer.base(base), Target.SOCKETEE)
                .nodeClients(TransportMode.WEBSOCKET, TransportMode.UPGRADE);
    }

    private OfficialJavaClient connect(String transport, String... watched) throws Exception {
        URI app = ItServer.base(base);
        OfficialJavaClient client = OfficialJavaClient.connectOver(app, transport, watched);
        clients.add(client);
        return client;
    }
}
