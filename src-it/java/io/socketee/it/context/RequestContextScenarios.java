package io.socketee.it.context;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.it.support.ItServer;
import io.socketee.it.support.OfficialJavaClient;
import java.net.URL;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.json.JSONObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the handlers of {@code io.socketee.it.context.app} see of the CDI request context, over
 * WebSocket and polling: every kind of handler (an {@code @OnEvent} observer, a lambda listener,
 * the {@code @OnConnect} and {@code @OnDisconnect} observers) runs with a request context
 * active, one handler call sees one {@code @RequestScoped} instance throughout, and each packet
 * gets its own. Each subclass deploys the application with its own settings.
 */
abstract class RequestContextScenarios {

    @ArquillianResource
    URL base;

    @ParameterizedTest
    @ValueSource(strings = {"websocket", "polling"})
    void everyHandlerSeesARequestContextOfItsOwnPacket(String transport) throws Exception {
        try (OfficialJavaClient observer = OfficialJavaClient.connectOver(ItServer.base(base), transport, "left")) {
            String leftId;
            try (OfficialJavaClient client = OfficialJavaClient.connectOver(ItServer.base(base), transport)) {
                leftId = client.socket.id();
                JSONObject connect = report(client.call("connect-report"));
                JSONObject first = report(client.call("observer"));
                JSONObject second = report(client.call("observer"));
                JSONObject lambda = report(client.call("lambda"));
                assertAll(() -> assertActiveThroughout("@OnConnect", connect), () -> assertActiveThroughout("@OnEvent", first),
                        () -> assertActiveThroughout("@OnEvent, again", second), () -> assertActiveThroughout("lambda", lambda));
                assertNotEquals(first.getString("id"), second.getString("id"), "each packet its own request context");
                assertNotEquals(second.getString("id"), lambda.getString("id"), "each packet its own request context");
                assertNotEquals(connect.getString("id"), first.getString("id"), "the connect had its own request context");
            }
            String left = observer.next();
            assertNotNull(left, "no report of the disconnect");
            JSONObject disconnect = new JSONObject(left.substring("left:".length()));
            assertEquals(leftId, disconnect.getString("socket"));
            assertActiveThroughout("@OnDisconnect", disconnect.getJSONObject("report"));
        }
    }

    private static JSONObject report(Object answer) {
        assertTrue(answer instanceof JSONObject, () -> "not a report: " + answer);
        return (JSONObject) answer;
    }

    private static void assertActiveThroughout(String handler, JSONObject report) {
        assertTrue(report.getBoolean("active"), () -> handler + ": no request context active: " + report);
        assertEquals(2, report.getInt("reads"), () -> handler + ": one @RequestScoped instance throughout: " + report);
    }
}
