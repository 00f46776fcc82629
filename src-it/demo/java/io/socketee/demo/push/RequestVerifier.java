package io.socketee.demo.push;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a push request before anything is delivered, in this order: a known {@code app}
 * (401 {@code unknown_app}), a timestamp within the window of now (401 {@code stale_timestamp}),
 * the app's signature (401 {@code bad_signature}), and that this signature was not accepted
 * before (409 {@code replayed}; remembered only once the signature checked out).
 *
 * <p>Thread-safe: immutable apart from its {@link ReplayGuard}.
 */
public final class RequestVerifier {
    private final Map<String, PushApp> apps;
    private final Duration window;
    private final ReplayGuard replays;

    /**
     * @param apps the applications allowed to push, by name
     * @param window how far a timestamp may be from now, either way
     */
    public RequestVerifier(Map<String, PushApp> apps, Duration window, ReplayGuard replays) {
        this.apps = Map.copyOf(apps);
        this.window = window;
        this.replays = replays;
    }

    /**
     * Why {@code request} must be refused, if it must.
     *
     * @param body the request body exactly as received
     * @param signatureHeader the {@code X-Signature} header, or null
     * @param nowMillis the current time
     */
    public Optional<Refusal> check(TransportRequest request, String body, String signatureHeader, long nowMillis) {
        PushApp app = request.app() == null ? null : apps.get(request.app());
        if (app == null) {
            return Optional.of(Refusal.unauthorized("unknown_app", "no application \"" + request.app() + "\" may push"));
        }
        if (request.timestamp() == null) {
            return Optional.of(Refusal.badRequest("timestamp (milliseconds since the epoch) is missing"));
        }
        long timestamp = request.timestamp();
        if (Math.abs(nowMillis - timestamp) > window.toMillis()) {
            return Optional.of(Refusal.unauthorized("stale_timestamp",
                    "timestamp is more than " + window.toSeconds() + " s away from the server's clock"));
        }
        String given = app.mode() == SignatureMode.HMAC_SHA256 ? signatureHeader : request.sign();
        String expected = app.mode() == SignatureMode.HMAC_SHA256
                ? Signatures.hmacSha256(app.key(), app.name(), timestamp, body)
                : Signatures.md5Legacy(app.name(), app.key(), timestamp);
        if (!Signatures.matches(expected, given)) {
            return Optional.of(Refusal.unauthorized("bad_signature", app.mode() == SignatureMode.HMAC_SHA256
                    ? "X-Signature is not HMAC-SHA256(key, app + \"\\n\" + timestamp + \"\\n\" + body)"
                    : "sign is not md5(app + key + timestamp)"));
        }
        if (!replays.firstUse(app.name() + ":" + expected, timestamp + window.toMillis(), nowMillis)) {
            return Optional.of(new Refusal(409, "replayed", "this signed request was accepted before"));
        }
        return Optional.empty();
    }
}
