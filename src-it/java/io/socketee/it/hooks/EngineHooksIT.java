package io.socketee.it.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.it.support.ItDeployment;
import io.socketee.it.support.ItServer;
import io.socketee.it.support.ScenarioRun;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Engine.IO hooks of the public API on a real server ({@code io.socketee.it.hooks.app}):
 * response headers at the handshake (polling and the WebSocket upgrade response) and on every
 * polling response, an asynchronous handshake check that decides 300 ms later, the polling request
 * a handler is handling, a check per path, and an {@code @EngineIoEndpoint}'s own settings. Raw
 * HTTP for the headers and status codes; the official clients for the rest.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EngineHooksIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Deployment(testable = false)
    static WebArchive app() {
        return ItDeployment.app("socketee-hooks.war", "io.socketee.it.hooks.app", "it-hooks/microprofile-config.properties");
    }

    @ArquillianResource
    URL reported;

    private String sio() {
        return ItServer.resolve(reported, "socket.io/").toString();
    }

    @Test
    void initialHeadersGoOnThePollingHandshakeAndHeadersOnEveryPollingResponse() throws Exception {
        HttpResponse<String> open = get(sio() + "?EIO=4&transport=polling");
        assertEquals(200, open.statusCode(), open.body());
        assertEquals(Optional.of("lb=node-1; Path=/"), open.headers().firstValue("Set-Cookie"));
        assertEquals(Optional.of("polling"), open.headers().firstValue("X-Initial"));
        assertEquals(Optional.of("yes"), open.headers().firstValue("X-Every"));
        String sid = open.body().substring(9, 29);
        String poll = sio() + "?EIO=4&transport=polling&sid=" + sid;
        HttpResponse<String> posted = post(poll, "40");
        assertEquals("ok", posted.body());
        assertEquals(Optional.of("yes"), posted.headers().firstValue("X-Every"));
        assertFalse(posted.headers().firstValue("X-Initial").isPresent(), "initial headers are for the handshake only");
        HttpResponse<String> polled = get(poll);
        assertTrue(polled.body().startsWith("40{\"sid\":"), polled.body());
        assertEquals(Optional.of("yes"), polled.headers().firstValue("X-Every"));
        assertFalse(polled.headers().firstValue("X-Initial").isPresent());
        assertFalse(polled.headers().firstValue("Set-Cookie").isPresent());
    }

    @Test
    void theWebSocketUpgradeResponseCarriesInitialHeadersWhenItOpensASessionAndHeadersAlways() throws Exception {
        String opening = upgradeResponse("EIO=4&transport=websocket");
        assertTrue(opening.startsWith("HTTP/1.1 101"), opening);
        assertEquals(List.of("lb=node-1; Path=/"), header(opening, "set-cookie"));
        assertEquals(List.of("websocket"), header(opening, "x-initial"));
        assertEquals(List.of("yes"), header(opening, "x-every"));

        String sid = get(sio() + "?EIO=4&transport=polling").body().substring(9, 29);
        String upgrading = upgradeResponse("EIO=4&transport=websocket&sid=" + sid);
        assertTrue(upgrading.startsWith("HTTP/1.1 101"), upgrading);
        assertEquals(List.of("yes"), header(upgrading, "x-every"));
        assertEquals(List.of(), header(upgrading, "x-initial"), "an upgrade of a session opens none");
    }

    @Test
    void anAsynchronousCheckThatRefusesLaterGets403AndOneThatAllowsLaterOpensTheSession() throws Exception {
        HttpResponse<String> refused = get(sio() + "?EIO=4&transport=polling&deny=1");
        assertEquals(403, refused.statusCode());
        assertEquals("{\"code\":4,\"message\":\"denied later\"}", refused.body());
        String ws = upgradeResponse("EIO=4&transport=websocket&deny=1");
        assertTrue(ws.startsWith("HTTP/1.1 400"), ws);
        assertTrue(ws.endsWith("denied later"), ws);
        HttpResponse<String> allowed = get(sio() + "?EIO=4&transport=polling");
        assertEquals(200, allowed.statusCode());
        assertTrue(allowed.body().startsWith("0{\"sid\":"), allowed.body());
    }

    @Test
    void anEngineIoEndpointHasItsOwnSettingsAndItsOwnCheck() throws Exception {
        String traced = ItServer.resolve(reported, "traced/").toString();
        HttpResponse<String> open = get(traced + "?EIO=4&transport=polling");
        assertTrue(open.body().contains("\"pingInterval\":4321,\"pingTimeout\":1234"), open.body());
        assertFalse(open.headers().firstValue("X-Every").isPresent(), "the Socket.IO server's headers stay there");
        HttpResponse<String> sioOpen = get(sio() + "?EIO=4&transport=polling");
        assertTrue(sioOpen.body().contains("\"pingInterval\":25000,\"pingTimeout\":20000"), sioOpen.body());
        HttpResponse<String> refused = get(traced + "?EIO=4&transport=polling&noentry=1");
        assertEquals(403, refused.statusCode());
        assertEquals("{\"code\":4,\"message\":\"not at /traced\"}", refused.body());
        assertEquals(200, get(traced + "?EIO=4&transport=polling&deny=1").statusCode(),
                "the Socket.IO server's check does not guard /traced");
    }

    @Test
    void theOfficialClientsAreCheckedLaterAndHandlersSeeThePollingRequestOfTheirPacket() {
        List<String> checks = List.of("polling-current-request", "websocket-no-current-request", "late-refusal",
                "engine-polling-current-request", "engine-websocket-no-current-request");
        ScenarioRun run = ScenarioRun.run(Duration.ofSeconds(90), checks, "hooks-scenarios.js",
                ItServer.resolve(reported, "").toString());
        checks.forEach(run::assertScenario);
        run.assertComplete();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "text/plain;charset=UTF-8")
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends a WebSocket upgrade request by hand and returns the response's head (status line and
     * headers), with the body of a refusal if any: the JDK's WebSocket client shows no headers.
     */
    private String upgradeResponse(String query) throws Exception {
        URI uri = ItServer.resolve(reported, "socket.io/");
        try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
            s.setSoTimeout(10_000);
            String request = "GET " + uri.getRawPath() + "?" + query + " HTTP/1.1\r\n"
                    + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
            }
            String text = head.toString(StandardCharsets.ISO_8859_1);
            int length = header(text, "content-length").stream().findFirst().map(Integer::parseInt).orElse(0);
            if (!text.startsWith("HTTP/1.1 101") && length > 0) {
                text += new String(in.readNBytes(length), StandardCharsets.UTF_8);
            }
            return text;
        }
    }

    /** The values of a header (name in any case) in a response head. */
    private static List<String> header(String head, String name) {
        return head.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(name + ":"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).toList();
    }
}
