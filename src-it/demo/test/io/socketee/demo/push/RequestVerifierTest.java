package io.socketee.demo.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The order and outcome of the push checks, with a fixed clock. */
class RequestVerifierTest {
    private static final long NOW = 1_700_000_000_000L;
    private static final byte[] KEY = "k1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] LEGACY_KEY = "k2".getBytes(StandardCharsets.UTF_8);

    private final RequestVerifier verifier = new RequestVerifier(Map.of(
            "hmacApp", new PushApp("hmacApp", KEY, SignatureMode.HMAC_SHA256),
            "oldApp", new PushApp("oldApp", LEGACY_KEY, SignatureMode.MD5_LEGACY)),
            Duration.ofMinutes(5), new ReplayGuard());

    private static TransportRequest request(String app, long timestamp, String sign) {
        return new TransportRequest(timestamp, app, "sid", null, sign, "hi");
    }

    private static String body(String app, long timestamp) {
        return "{\"timestamp\":" + timestamp + ",\"app\":\"" + app + "\",\"target\":\"sid\",\"message\":\"hi\"}";
    }

    private Optional<Refusal> hmac(long timestamp, String body, long now) {
        String sig = Signatures.hmacSha256(KEY, "hmacApp", timestamp, body);
        return verifier.check(request("hmacApp", timestamp, null), body, sig, now);
    }

    @Test
    void acceptsAFreshCorrectlySignedRequestOnce() {
        String body = body("hmacApp", NOW);
        assertEquals(Optional.empty(), hmac(NOW, body, NOW));
        assertEquals("replayed", hmac(NOW, body, NOW + 1).orElseThrow().error());
        assertEquals(409, hmac(NOW, body, NOW + 1).orElseThrow().status());
    }

    @Test
    void refusesAnUnknownApp() {
        Refusal r = verifier.check(request("nobody", NOW, null), body("nobody", NOW), "00", NOW).orElseThrow();
        assertEquals(401, r.status());
        assertEquals("unknown_app", r.error());
    }

    @Test
    void refusesATimestampOutsideTheWindowEitherWay() {
        long old = NOW - Duration.ofMinutes(5).toMillis() - 1;
        long future = NOW + Duration.ofMinutes(5).toMillis() + 1;
        assertEquals("stale_timestamp", hmac(old, body("hmacApp", old), NOW).orElseThrow().error());
        assertEquals("stale_timestamp", hmac(future, body("hmacApp", future), NOW).orElseThrow().error());
        long edge = NOW - Duration.ofMinutes(5).toMillis();
        assertEquals(Optional.empty(), hmac(edge, body("hmacApp", edge), NOW));
    }

    @Test
    void refusesABodyChangedAfterSigning() {
        String signed = body("hmacApp", NOW);
        String sig = Signatures.hmacSha256(KEY, "hmacApp", NOW, signed);
        Refusal r = verifier.check(request("hmacApp", NOW, null), signed.replace("hi", "evil"), sig, NOW).orElseThrow();
        assertEquals(401, r.status());
        assertEquals("bad_signature", r.error());
    }

    @Test
    void aRefusedSignatureIsNotRememberedAsUsed() {
        String body = body("hmacApp", NOW);
        assertEquals("bad_signature", verifier.check(request("hmacApp", NOW, null), body, "0badc0de", NOW).orElseThrow().error());
        assertEquals(Optional.empty(), hmac(NOW, body, NOW));
    }

    @Test
    void legacyModeChecksTheBodySignAndIgnoresTheHeader() {
        String sign = Signatures.md5Legacy("oldApp", LEGACY_KEY, NOW);
        String body = body("oldApp", NOW);
        assertEquals("bad_signature", verifier.check(request("oldApp", NOW, null), body, sign, NOW).orElseThrow().error());
        assertEquals(Optional.empty(), verifier.check(request("oldApp", NOW, sign), body, null, NOW));
        assertEquals("replayed", verifier.check(request("oldApp", NOW, sign), body, null, NOW).orElseThrow().error());
    }

    @Test
    void aMissingTimestampIsABadRequest() {
        Refusal r = verifier.check(new TransportRequest(null, "hmacApp", "sid", null, null, "hi"), "{}", "00", NOW).orElseThrow();
        assertEquals(400, r.status());
        assertTrue(r.message().contains("timestamp"));
    }
}
