package io.socketee.it.portability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.it.support.ItDeployment;
import io.socketee.it.support.ItServer;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The points where Open Liberty, Payara and WildFly differ underneath, each shown to come out
 * the same through SocketEE (docs/deployment.md, "Known differences"): the engine path answers
 * with and without its trailing slash on both transports, the handler gets the client's address
 * over both transports and is a CDI bean with its injections, and sends from many threads at
 * once on one WebSocket all arrive. Uses its own application, io.socketee.it.portability.app,
 * an {@code @EngineIoEndpoint} at /probe.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServerPortabilityIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String BEANS_XML = "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\""
            + " bean-discovery-mode=\"annotated\"/>";
    private static final String LOOPBACK = "127.0.0.1";

    @Deployment(testable = false)
    static WebArchive app() {
        return ShrinkWrap.create(WebArchive.class, "socketee-portability.war")
                .addAsLibrary(ItDeployment.libraryJar())
                .addPackages(true, "io.socketee.it.portability.app")
                .addAsWebInfResource(new StringAsset(BEANS_XML), "beans.xml");
    }

    @ArquillianResource
    URL reported;

    @ParameterizedTest
    @ValueSource(strings = {"probe/", "probe"})
    void pollingIsServedWithAndWithoutTheTrailingSlash(String path) throws Exception {
        String base = ItServer.resolve(reported, path) + "?EIO=4&transport=polling";
        HttpResponse<String> open = get(base);
        assertEquals(200, open.statusCode(), open::body);
        assertTrue(open.body().startsWith("0{\"sid\":\""), open.body());
        String sid = open.body().substring(9, 29);
        assertEquals("4hello polling " + LOOPBACK + " injected", get(base + "&sid=" + sid).body(),
                "greeting: transport, client address, injected bean");
    }

    @ParameterizedTest
    @ValueSource(strings = {"probe/", "probe"})
    void webSocketIsServedWithAndWithoutTheTrailingSlash(String path) throws Exception {
        Frames frames = new Frames();
        URI uri = ItServer.webSocketBase(reported).resolve(path + "?EIO=4&transport=websocket");
        WebSocket socket = HTTP.newWebSocketBuilder().buildAsync(uri, frames).get(10, TimeUnit.SECONDS);
        try {
            assertTrue(frames.next().startsWith("0{\"sid\":\""));
            assertEquals("4hello websocket " + LOOPBACK + " injected", frames.next(),
                    "greeting: transport, client address, injected bean");
            socket.sendText("4ping-me", true).get(5, TimeUnit.SECONDS);
            assertEquals("4echo:ping-me", frames.next());
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void sendsFromManyThreadsAtOnceOnOneWebSocketAllArrive() throws Exception {
        int messages = 2000;
        Frames frames = new Frames();
        URI uri = ItServer.webSocketBase(reported).resolve("probe/?EIO=4&transport=websocket");
        WebSocket socket = HTTP.newWebSocketBuilder().buildAsync(uri, frames).get(10, TimeUnit.SECONDS);
        try {
            frames.next();
            frames.next();
            socket.sendText("4burst:" + messages + ":8", true).get(5, TimeUnit.SECONDS);
            Set<String> received = new HashSet<>();
            for (int i = 0; i < messages; i++) {
                String frame = frames.next();
                assertTrue(received.add(frame), () -> "received twice: " + frame);
            }
            for (int i = 0; i < messages; i++) {
                assertTrue(received.contains("4m" + i), "message " + i + " arrived");
            }
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Collects whole text frames, answering the server's pings. */
    static final class Frames implements WebSocket.Listener {
        private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String frame = text.toString();
                text.setLength(0);
                if (frame.equals("2")) {
                    ws.sendText("3", true);
                } else {
                    queue.add(frame);
                }
            }
            ws.request(1);
            return null;
        }

        String next() throws InterruptedException {
            String frame = queue.poll(10, TimeUnit.SECONDS);
            assertNotNull(frame, "no frame within 10 s");
            return frame;
        }
    }
}
