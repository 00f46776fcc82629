package io.socketee.it.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.socketee.it.protocol.support.PollingSession;
import io.socketee.it.protocol.support.RawResponse;

/**
 * CORS on the polling transport (engine.io-protocol v3 "XHR: the server must support CORS
 * responses"). The contract servers are configured like the reference's
 * {@code cors: { origin: true, credentials: true }}: the request's Origin is echoed and
 * credentials are allowed. The exact headers are those of the reference (the {@code cors} npm
 * package).
 */
public abstract class CorsRules extends ProtocolRules {

    private static final String ORIGIN = "http://app.example.com";

    /** A handshake with an Origin echoes it and allows credentials. */
    @Test
    public void handshakeEchoesOriginAndAllowsCredentials() {
        RawResponse r = http().send("GET", "EIO=4&transport=polling", Map.of("Origin", ORIGIN), null);

        assertEquals(200, r.status());
        assertEquals(ORIGIN, r.headerOrAbsent("access-control-allow-origin"));
        assertEquals("true", r.headerOrAbsent("access-control-allow-credentials"));
        assertEquals("Origin", r.headerOrAbsent("vary"));
    }

    /** A POST with an Origin gets the same headers. */
    @Test
    public void postEchoesOriginAndAllowsCredentials() {
        PollingSession session = pollingV4();

        RawResponse r = session.http().send("POST", session.query(), Map.of("Origin", ORIGIN), "40".getBytes());

        assertEquals(200, r.status());
        assertEquals(ORIGIN, r.headerOrAbsent("access-control-allow-origin"));
        assertEquals("true", r.headerOrAbsent("access-control-allow-credentials"));
        assertEquals("Origin", r.headerOrAbsent("vary"));
    }

    /** Without an Origin there is no Access-Control-Allow-Origin; Vary and the credentials flag remain. */
    @Test
    public void withoutOriginNoAllowOriginHeaderIsSent() {
        RawResponse r = http().get("EIO=4&transport=polling");

        assertEquals("<absent>", r.headerOrAbsent("access-control-allow-origin"));
        assertEquals("true", r.headerOrAbsent("access-control-allow-credentials"));
        assertEquals("Origin", r.headerOrAbsent("vary"));
    }

    /** A preflight OPTIONS is answered 204 with the allowed methods and the requested headers echoed. */
    @Test
    public void preflightIsAnswered204WithMethodsAndRequestedHeaders() {
        RawResponse r = http().send("OPTIONS", "EIO=4&transport=polling", Map.of(
                "Origin", ORIGIN,
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type, x-foo"), null);

        assertEquals(204, r.status());
        assertEquals(ORIGIN, r.headerOrAbsent("access-control-allow-origin"));
        assertEquals("true", r.headerOrAbsent("access-control-allow-credentials"));
        assertEquals("GET,HEAD,PUT,PATCH,POST,DELETE", r.headerOrAbsent("access-control-allow-methods"));
        assertEquals("content-type, x-foo", r.headerOrAbsent("access-control-allow-headers"));
        assertEquals("Origin, Access-Control-Request-Headers", r.headerOrAbsent("vary"));
        assertEquals(0, r.body().length);
    }

    /** A preflight for an existing session is answered the same way and does not disturb it. */
    @Test
    public void preflightForSessionLeavesSessionUsable() {
        PollingSession session = pollingV4();

        RawResponse r = session.http().send("OPTIONS", session.query(), Map.of(
                "Origin", ORIGIN, "Access-Control-Request-Method", "POST"), null);

        assertEquals(204, r.status());
        assertEquals(ORIGIN, r.headerOrAbsent("access-control-allow-origin"));
        assertEquals("<absent>", r.headerOrAbsent("access-control-allow-headers"));
        session.send("40");
        assertEquals("40", session.getText().substring(0, 2));
    }

    /** Error responses carry the CORS headers too, so a browser can read them. */
    @Test
    public void errorResponsesCarryCorsHeaders() {
        RawResponse r = http().send("GET", "EIO=4&transport=polling&sid=unknown", Map.of("Origin", ORIGIN), null);

        assertEngineError(1, "Session ID unknown", r);
        assertEquals(ORIGIN, r.headerOrAbsent("access-control-allow-origin"));
        assertEquals("true", r.headerOrAbsent("access-control-allow-credentials"));
    }
}
