package io.socketee.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EngineHandshakeTest {

    @Test
    void pollingHandshakeAnswersTheOpenPacketWithExactlyTheReferenceKeys() throws Exception {
        try (EngineFixture f = new EngineFixture(EngineOptions.DEFAULTS)) {
            EngineFixture.Response r = f.get("EIO=4&transport=polling").await();
            assertEquals(200, r.status());
            assertEquals("text/plain; charset=UTF-8", r.headers().get("Content-Type"));
            assertEquals("no-store", r.headers().get("Cache-Control"));
            String body = r.text();
            assertTrue(body.matches("0\\{\"sid\":\"[A-Za-z0-9_-]{20}\",\"upgrades\":\\[\"websocket\"\\],"
                    + "\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}"), body);
            assertEquals(1, f.server.clientsCount());
        }
    }

    @Test
    void sessionIdsAreTwentyUrlSafeCharactersAndDistinct() {
        SessionIds ids = new SessionIds();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = ids.get();
            assertTrue(id.matches("[A-Za-z0-9_-]{20}"), id);
            assertTrue(seen.add(id), "duplicate id " + id);
        }
    }

    @Test
    void engineIo3IsRefusedUnlessAllowed() throws Exception {
        try (EngineFixture f = new EngineFixture(EngineOptions.DEFAULTS)) {
            EngineFixture.Response r = f.get("EIO=3&transport=polling").await();
            assertEquals(400, r.status());
            assertEquals("application/json", r.headers().get("Content-Type"));
            assertEquals("{\"code\":5,\"message\":\"Unsupported protocol version\"}", r.text());
            assertEquals(400, f.get("transport=polling").await().status(), "missing EIO counts as v3");
        }
        try (EngineFixture f = new EngineFixture(EngineOptions.DEFAULTS.withAllowEio3(true))) {
            String body = f.get("EIO=3&transport=polling").await().text();
            assertTrue(body.startsWith(body.length() - body.indexOf(':') - 1 + ":0{\"sid\":"), body);
        }
    }

    @Test
    void requestErrorsAreAnsweredWithTheReferenceCodesAndMessages() throws Exception {
        EngineOptions options = EngineOptions.DEFAULTS.withHttp(CorsPolicy.DISABLED, Optional.empty(),
                EngineOptions.HandshakeVerifier.of(r -> r.query().containsKey("deny") ? Optional.of("go away") : Optional.empty()));
        try (EngineFixture f = new EngineFixture(options)) {
            assertError(f.get("EIO=4&transport=carrier-pigeon"), 400, "{\"code\":0,\"message\":\"Transport unknown\"}");
            assertError(f.get("EIO=4"), 400, "{\"code\":0,\"message\":\"Transport unknown\"}");
            assertError(f.get("EIO=4&transport=polling&sid=AAAAAAAAAAAAAAAAAAAA"), 400,
                    "{\"code\":1,\"message\":\"Session ID unknown\"}");
            assertError(f.post("EIO=4&transport=polling", "4hi"), 400,
                    "{\"code\":2,\"message\":\"Bad handshake method\"}");
            assertError(f.get("EIO=4&transport=websocket"), 400, "{\"code\":3,\"message\":\"Bad request\"}");
            assertError(f.get("EIO=4&transport=polling&deny=1"), 403, "{\"code\":4,\"message\":\"go away\"}");
            assertError(f.request("GET", "EIO=4&transport=polling", null, null, Map.of("Origin", "http://a\u0001b")),
                    400, "{\"code\":3,\"message\":\"Bad request\"}");
            assertEquals(0, f.server.clientsCount(), "no refused request leaves a session behind");
        }
    }

    @Test
    void aRequestOnTheWrongTransportOrProtocolForItsSessionIsABadRequest() throws Exception {
        try (EngineFixture f = new EngineFixture(EngineOptions.DEFAULTS.withAllowEio3(true))) {
            String sid = f.handshake("4");
            assertError(f.get("EIO=3&transport=polling&sid=" + sid), 400, "{\"code\":3,\"message\":\"Bad request\"}");
        }
    }

    @Test
    void corsPreflightAndResponsesCarryTheConfiguredHeaders() throws Exception {
        EngineOptions options = EngineOptions.DEFAULTS.withHttp(CorsPolicy.reflectAll(true), Optional.empty(),
                EngineOptions.HandshakeVerifier.ALLOW_ALL);
        try (EngineFixture f = new EngineFixture(options)) {
            EngineFixture.Response pre = f.request("OPTIONS", "EIO=4&transport=polling", null, null,
                    Map.of("Origin", "http://app.test", "Access-Control-Request-Headers", "content-type")).await();
            assertEquals(204, pre.status());
            assertEquals("http://app.test", pre.headers().get("Access-Control-Allow-Origin"));
            assertEquals("true", pre.headers().get("Access-Control-Allow-Credentials"));
            assertEquals("GET,HEAD,PUT,PATCH,POST,DELETE", pre.headers().get("Access-Control-Allow-Methods"));
            assertEquals("content-type", pre.headers().get("Access-Control-Allow-Headers"));
            EngineFixture.Response open = f.request("GET", "EIO=4&transport=polling", null, null,
                    Map.of("Origin", "http://app.test")).await();
            assertEquals("http://app.test", open.headers().get("Access-Control-Allow-Origin"));
            assertEquals("Origin", open.headers().get("Vary"));
            EngineFixture.Response err = f.request("GET", "EIO=4&transport=nope", null, null,
                    Map.of("Origin", "http://app.test")).await();
            assertEquals("http://app.test", err.headers().get("Access-Control-Allow-Origin"));
        }
    }

    @Test
    void theSidCookieIsSetOnTheHandshakeOnly() throws Exception {
        EngineOptions options = EngineOptions.DEFAULTS.withHttp(CorsPolicy.DISABLED,
                Optional.of(EngineOptions.SidCookie.DEFAULT), EngineOptions.HandshakeVerifier.ALLOW_ALL);
        try (EngineFixture f = new EngineFixture(options)) {
            EngineFixture.Response r = f.get("EIO=4&transport=polling").await();
            String sid = r.text().substring(9, 29);
            assertEquals("io=" + sid + "; Path=/; HttpOnly; SameSite=Lax", r.headers().get("Set-Cookie"));
            f.connections.take().sendText("x");
            EngineFixture.Response next = f.get("EIO=4&transport=polling&sid=" + sid).await();
            assertEquals(null, next.headers().get("Set-Cookie"));
        }
    }

    @Test
    void pollingOnlyServersOfferNoUpgrade() throws Exception {
        EngineOptions options = EngineOptions.DEFAULTS.withTransports(List.of("polling"), true)
                .withPing(Duration.ofSeconds(1), Duration.ofSeconds(2));
        try (EngineFixture f = new EngineFixture(options)) {
            String body = f.get("EIO=4&transport=polling").await().text();
            assertTrue(body.contains("\"upgrades\":[],\"pingInterval\":1000,\"pingTimeout\":2000"), body);
            EngineFixture.Channel ws = new EngineFixture.Channel();
            f.server.acceptWebSocket(EngineFixture.wsRequest("EIO=4&transport=websocket"), ws);
            assertTrue(ws.next().toString().startsWith("<close 1008>"));
        }
    }

    /**
     * An upgrade to something other than WebSocket (h2c) gets the engine's refusal when its
     * checks fail, and nothing from the engine otherwise: the host then refuses the upgrade itself.
     */
    @Test
    void anUpgradeToAnotherProtocolIsCheckedLikeAnyUpgradeRequest() throws Exception {
        try (EngineFixture f = new EngineFixture(EngineOptions.DEFAULTS)) {
            String sid = f.handshake("4");
            assertEquals(Optional.empty(), f.server.refuseOtherUpgrade(
                    EngineFixture.wsRequest("EIO=4&transport=polling&sid=" + sid), "GET"));
            assertEquals(Optional.empty(), f.server.refuseOtherUpgrade(
                    EngineFixture.wsRequest("EIO=4&transport=polling"), "GET"));
            assertEquals(Optional.of("Session ID unknown"), f.server.refuseOtherUpgrade(
                    EngineFixture.wsRequest("EIO=4&transport=polling&sid=AAAAAAAAAAAAAAAAAAAA"), "GET"));
            assertEquals(Optional.of("Bad handshake method"), f.server.refuseOtherUpgrade(
                    EngineFixture.wsRequest("EIO=4&transport=polling"), "POST"));
            assertEquals(Optional.of("Transport unknown"), f.server.refuseOtherUpgrade(
                    EngineFixture.wsRequest("EIO=4&transport=h2c"), "GET"));
            assertEquals(1, f.server.clientsCount(), "no session was opened by the checks");
        }
    }

    static void assertError(EngineFixture.Exchange ex, int status, String json) throws Exception {
        EngineFixture.Response r = ex.await();
        assertEquals(status, r.status(), r.text());
        assertEquals(json, r.text());
    }
}
