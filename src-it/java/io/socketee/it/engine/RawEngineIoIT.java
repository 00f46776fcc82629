package io.socketee.it.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.it.support.ItDeployment;
import io.socketee.it.support.ItServer;
import io.socketee.it.support.ScenarioRun;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The standalone Engine.IO layer: an application's {@code @EngineIoEndpoint} handler
 * ({@code io.socketee.it.app.EchoEngine}) mounted at /engine.io/, beside the Socket.IO server,
 * driven with raw HTTP and WebSocket clients and with the official engine.io-client (Node).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RawEngineIoIT {
    // HTTP/1.1: the JDK client's default HTTP/2 asks http:// servers to upgrade (h2c), which the
    // engine's path refuses with 400 "Invalid Upgrade header", as the reference does
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Deployment(testable = false)
    static WebArchive app() {
        return ItDeployment.testApp();
    }

    @ArquillianResource
    URL reported;

    @Test
    void aPollingClientIsGreetedEchoedAndClosedByTheHandler() throws Exception {
        URI engine = ItServer.resolve(reported, "engine.io/");
        String open = get(engine + "?EIO=4&transport=polling");
        assertTrue(open.startsWith("0{\"sid\":\""), open);
        String sid = open.substring(9, 29);
        String poll = engine + "?EIO=4&transport=polling&sid=" + sid;
        assertEquals("4welcome " + sid + " v4", get(poll));
        assertEquals("ok", post(poll, "4hello\u001ebAQID"));
        String answers = get(poll);
        if (!answers.contains("bAwIB")) {
            answers += "\u001e" + get(poll);
        }
        assertEquals("4echo:hello\u001ebAwIB", answers, "text echoed and binary reversed, in order");
        post(poll, "4close-me");
        assertEquals("1", get(poll).replace("6\u001e", ""), "the handler's close ends the session");
        assertEquals("{\"code\":1,\"message\":\"Session ID unknown\"}", get(poll));
    }

    @Test
    void aWebSocketClientGetsTheSameServiceAndTheHandlerSeesTheCloseReason() throws Exception {
        Frames frames = new Frames();
        URI ws = ItServer.webSocketBase(reported).resolve("engine.io/?EIO=4&transport=websocket");
        WebSocket socket = HTTP.newWebSocketBuilder().buildAsync(ws, frames).get(10, TimeUnit.SECONDS);
        String open = (String) frames.next();
        String sid = open.substring(9, 29);
        assertTrue(open.startsWith("0{\"sid\":\"") && open.contains("\"upgrades\":[]"), open);
        assertEquals("4welcome " + sid + " v4", frames.next());
        socket.sendText("4hi", true).get(5, TimeUnit.SECONDS);
        assertEquals("4echo:hi", frames.next());
        socket.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).get(5, TimeUnit.SECONDS);
        assertArrayEquals(new byte[] {3, 2, 1}, (byte[]) frames.next());
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);

        URI engine = ItServer.resolve(reported, "engine.io/");
        String other = get(engine + "?EIO=4&transport=polling").substring(9, 29);
        String poll = engine + "?EIO=4&transport=polling&sid=" + other;
        get(poll);
        String reason = "";
        for (int i = 0; i < 50 && !reason.equals("4closed:transport close"); i++) {
            post(poll, "4last-close:" + sid);
            reason = get(poll);
            Thread.sleep(100);
        }
        assertEquals("4closed:transport close", reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"polling", "websocket", "upgrade"})
    void theOfficialEngineIoClientIsServed(String mode) {
        List<String> checks = List.of("welcome", "transport", "text", "binary", "server-close");
        ScenarioRun run = ScenarioRun.run(Duration.ofSeconds(30), checks, "engine-client.js",
                ItServer.resolve(reported, "engine.io/").toString(), mode);
        checks.forEach(run::assertScenario);
        run.assertComplete();
    }

    private static String get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String post(String url, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "text/plain;charset=UTF-8")
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Collects whole frames: text as String, binary as byte[]. */
    static final class Frames implements WebSocket.Listener {
        private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        private final StringBuilder text = new StringBuilder();
        private java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String t = text.toString();
                text.setLength(0);
                if (!t.equals("2")) {
                    queue.add(t);
                } else {
                    ws.sendText("3", true);
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] b = new byte[data.remaining()];
            data.get(b);
            binary.writeBytes(b);
            if (last) {
                queue.add(binary.toByteArray());
                binary = new java.io.ByteArrayOutputStream();
            }
            ws.request(1);
            return null;
        }

        Object next() throws InterruptedException {
            Object f = queue.poll(10, TimeUnit.SECONDS);
            assertNotNull(f, "no frame within 10 s");
            return f;
        }
    }
}
