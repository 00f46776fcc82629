package io.socketee.it.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.it.support.ItDeployment;
import io.socketee.it.support.ItServer;
import io.socketee.it.support.OfficialJavaClient;
import io.socketee.it.support.PrometheusText;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SocketEE's metrics on the server's own metrics endpoint (docs/operations.md#metrics): a scripted
 * session of official Java clients in the test's own namespace, {@code /metrics-it}, then the
 * counters must have moved by what the session did, and the gauges must read its sockets.
 * Counters are compared with a reading taken before the session, so tests that ran earlier on the
 * same server do not matter. The values read are written to
 * {@code target/failsafe-reports/<server>/metrics-it.txt}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class MetricsIT {
    private static final String NSP = "/metrics-it";

    @ArquillianResource
    private URL deploymentUrl;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return ItDeployment.testApp();
    }

    @Test
    public void aScriptedSessionMovesTheCountersAndGaugesByWhatItDid() throws Exception {
        URI base = ItServer.base(deploymentUrl);
        PrometheusText before = read();
        assertTrue(before.hasAny("socketio_engine_handshakes"), "SocketEE's metrics are published: " + before.samples());

        try (OfficialJavaClient polling = OfficialJavaClient.connectTo(base, NSP, new String[] {"polling"}, "news");
                OfficialJavaClient ws = OfficialJavaClient.connectTo(base, NSP, new String[] {"websocket"});
                OfficialJavaClient upgraded = OfficialJavaClient.connectTo(base, NSP,
                        new String[] {"polling", "websocket"})) {
            assertEquals("joined", polling.call("join", "m"));
            ws.emit("broadcast", "m", "news", "hello"); // one broadcast, delivered to the one socket in "m"
            assertEquals("news:hello", polling.next());
            assertEquals("timeout", ws.call("ask-within", 300, "never-answered"));
            assertEquals("400 {\"code\":1,\"message\":\"Session ID unknown\"}", refusedRequest(base));
            awaitUpgrade(before);

            PrometheusText during = read();
            assertEquals(3.0, during.value("socketio_sockets_connected", "namespace", NSP), "three sockets in " + NSP);
            ws.emit("disconnect-me", false);
            assertEquals("io server disconnect", ws.disconnected.get(20, java.util.concurrent.TimeUnit.SECONDS));
        }
        // the three sockets: polling, polling then upgraded, WebSocket from the start
        List<Expected> expected = List.of(
                new Expected(2, "socketio_engine_handshakes", "transport", "polling"),
                new Expected(1, "socketio_engine_handshakes", "transport", "websocket"),
                new Expected(1, "socketio_engine_upgrades"),
                new Expected(3, "socketio_socket_connections"),
                new Expected(1, "socketio_broadcasts"),
                new Expected(1, "socketio_broadcast_deliveries"),
                new Expected(1, "socketio_ack_timeouts"),
                new Expected(1, "socketio_engine_refusals", "reason", "unknown_sid"),
                new Expected(1, "socketio_socket_disconnections", "reason", "server namespace disconnect"));

        PrometheusText after = awaitGauge(0.0);
        StringBuilder report = new StringBuilder("server: " + System.getProperty("arquillian.launch") + "\n");
        for (Expected e : expected) {
            report.append(e).append(" moved by ").append(e.moved(before, after)).append('\n');
        }
        double messagesIn = new Expected(0, "socketio_engine_messages_received").moved(before, after);
        double bytesIn = new Expected(0, "socketio_engine_bytes_received").moved(before, after);
        report.append("socketio_engine_messages_received moved by ").append(messagesIn).append('\n')
                .append("socketio_engine_bytes_received moved by ").append(bytesIn).append('\n')
                .append("socketio_sockets_connected{namespace=\"" + NSP + "\"} read 3.0 during the session, 0.0 after\n");
        report.append("\nSocketEE's samples after the session:\n");
        after.samples().stream().filter(x -> x.name().startsWith("socketio_"))
                .forEach(x -> report.append(x.name()).append(x.labels()).append(' ').append(x.value()).append('\n'));
        writeReport(report.toString());
        for (Expected e : expected) {
            assertEquals(e.by(), e.moved(before, after), e + "\n" + report);
        }
        // 3 CONNECTs, join, broadcast, ask-within, disconnect-me: at least 7 messages, each of several bytes
        assertTrue(messagesIn >= 7 && bytesIn > messagesIn, report.toString());
    }

    /** A series (name and the labels that pick it) and how much the session moves it. */
    private record Expected(double by, String name, String... labels) {
        double moved(PrometheusText before, PrometheusText after) {
            return after.value(name, labels) - before.value(name, labels);
        }

        @Override
        public String toString() {
            return name + (labels.length == 0 ? "" : java.util.Arrays.toString(labels));
        }
    }

    /** Polls until the namespace's gauge reads {@code value} (sockets leave when their close arrives). */
    private PrometheusText awaitGauge(double value) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        PrometheusText now = read();
        while (now.value("socketio_sockets_connected", "namespace", NSP) != value && System.nanoTime() < end) {
            Thread.sleep(100);
            now = read();
        }
        assertEquals(value, now.value("socketio_sockets_connected", "namespace", NSP), "sockets left " + NSP);
        return now;
    }

    /** Waits until the third client's upgrade to WebSocket is done (counted). */
    private void awaitUpgrade(PrometheusText before) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (new Expected(1, "socketio_engine_upgrades").moved(before, read()) < 1 && System.nanoTime() < end) {
            Thread.sleep(100);
        }
    }

    /** A polling GET for a session that does not exist: Engine.IO error 1, "Session ID unknown". */
    private static String refusedRequest(URI base) throws Exception {
        // HTTP/1.1: the JDK client's default asks for an h2c upgrade, which SocketEE refuses before the engine
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(base.resolve("socket.io/?EIO=4&transport=polling&sid=nosuchsession0000000"))
                        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }

    private PrometheusText read() throws Exception {
        URI uri = ItServer.metrics(deploymentUrl);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                .header("Accept", "text/plain").timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), uri + ": " + response.body());
        return PrometheusText.parse(response.body());
    }

    private static void writeReport(String text) throws java.io.IOException {
        String server = System.getProperty("arquillian.launch", "server").replaceAll("-.*", "");
        java.nio.file.Path dir = java.nio.file.Path.of("target", "failsafe-reports", server);
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.writeString(dir.resolve("metrics-it.txt"), text);
    }
}
