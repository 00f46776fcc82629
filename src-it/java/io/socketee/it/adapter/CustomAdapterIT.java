package io.socketee.it.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.it.support.ItDeployment;
import io.socketee.it.support.OfficialJavaClient;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The public adapter SPI on a real server: an application's {@link io.socketee.adapter.AdapterFactory}
 * bean ({@code io.socketee.it.adapter.app.AuditingAdapters}) replaces the in-memory default, sees every
 * broadcast as application values, and hands events "from another server" to the local sockets;
 * official Java clients over WebSocket and polling receive both.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class CustomAdapterIT {
    private static final long WAIT_SECONDS = OfficialJavaClient.WAIT_SECONDS;

    @ArquillianResource
    URL base;

    private final List<OfficialJavaClient> clients = new ArrayList<>();

    @Deployment(testable = false)
    public static WebArchive app() {
        return ItDeployment.app("socketee-adapter.war", "io.socketee.it.adapter.app",
                "it-adapter/microprofile-config.properties");
    }

    @AfterEach
    void closeClients() {
        clients.forEach(OfficialJavaClient::close);
    }

    @Test
    void theApplicationsAdapterSeesEveryBroadcastAndTheClientsStillGetIt() throws Exception {
        OfficialJavaClient ws = connect("websocket");
        OfficialJavaClient polling = connect("polling");

        assertEquals("ok", ws.call("shout", "hello", 42, new byte[] {1, 2, 3}));

        assertEquals("shouted:hello", ws.next());
        assertEquals("shouted:hello", polling.next());
        String audit = get("api/audit");
        assertTrue(audit.contains("\"/ String:shouted String:hello Long:42 byte[3]\""), audit);
    }

    @Test
    void aRoomBroadcastReachesTheAdapterWithItsRooms() throws Exception {
        OfficialJavaClient member = connect("websocket");
        assertEquals("ok", member.call("join", "blue"));

        assertEquals("ok", member.call("shout-room", "blue", "only blue"));

        assertEquals("shouted:only blue", member.next());
        String audit = get("api/audit");
        assertTrue(audit.contains("\"/ String:shouted String:only blue to [blue]\""), audit);
    }

    @Test
    void anEventFromAnotherServerReachesOnlyTheLocalSocketsOfItsRoom() throws Exception {
        OfficialJavaClient inRoom = connect("websocket");
        OfficialJavaClient inRoomPolling = connect("polling");
        OfficialJavaClient outside = connect("websocket");
        assertEquals("ok", inRoom.call("join", "red"));
        assertEquals("ok", inRoomPolling.call("join", "red"));

        assertEquals("delivered", post("api/remote?room=red", "[\"shouted\",\"from node 2\",{\"n\":1}]"));

        assertEquals("shouted:from node 2", inRoom.next());
        assertEquals("shouted:from node 2", inRoomPolling.next());
        assertEquals("ok", outside.call("join", "elsewhere")); // a round trip after the broadcast
        assertNull(outside.events.poll(), "a socket outside the room got " + outside.events);
        assertTrue(!get("api/audit").contains("from node 2"), "a remote event is not broadcast again");
    }

    private OfficialJavaClient connect(String transport) throws Exception {
        OfficialJavaClient client = OfficialJavaClient.connectOver(base.toURI(), transport, "shouted");
        clients.add(client);
        return client;
    }

    private String get(String path) throws Exception {
        return send(HttpRequest.newBuilder(base.toURI().resolve(path)).GET());
    }

    private String post(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(base.toURI().resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static String send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.timeout(Duration.ofSeconds(WAIT_SECONDS))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }
}
