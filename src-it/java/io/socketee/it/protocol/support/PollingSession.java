package io.socketee.it.protocol.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Engine.IO session over HTTP long-polling, driven by hand: the handshake is done, the rest
 * (GET, POST) is raw, with a few conveniences that assert the obvious (200, {@code ok}).
 *
 * <p>Not thread-safe for mutation, but it has none after construction: the underlying
 * {@link RawPolling} is thread-safe, so concurrent GET/POST from several threads are fine.
 */
public final class PollingSession {

    /** Upper bound for {@link #collect}: pings keep a session busy forever, so bound the loop. */
    public static final Duration COLLECT_TIMEOUT = Duration.ofSeconds(15);

    private static final Pattern SID = Pattern.compile("\"sid\":\"([^\"]+)\"");

    private final RawPolling http;
    private final String transportQuery;
    private final boolean v3;
    private final String sid;
    private final RawResponse handshake;

    private PollingSession(RawPolling http, String transportQuery, RawResponse handshake) {
        this.http = http;
        this.transportQuery = transportQuery;
        this.v3 = !transportQuery.contains("EIO=4");
        this.handshake = handshake;
        Matcher m = SID.matcher(handshake.text());
        if (handshake.status() != 200 || !m.find()) {
            throw new AssertionError("handshake failed: " + handshake);
        }
        this.sid = m.group(1);
    }

    /** Handshakes with {@code GET <base>?<transportQuery>}, e.g. {@code EIO=4&transport=polling}. */
    public static PollingSession open(RawPolling http, String transportQuery) {
        return new PollingSession(http, transportQuery, http.get(transportQuery));
    }

    /** An EIO=4 polling session. */
    public static PollingSession v4(RawPolling http) {
        return open(http, "EIO=4&transport=polling");
    }

    /** An EIO=3 polling session (binary-capable client: no {@code b64}). */
    public static PollingSession v3(RawPolling http) {
        return open(http, "EIO=3&transport=polling");
    }

    /** The Engine.IO session id. */
    public String sid() {
        return sid;
    }

    /** The handshake response. */
    public RawResponse handshake() {
        return handshake;
    }

    /** The query of every follow-up request: the handshake query plus {@code &sid=}. */
    public String query() {
        return transportQuery + "&sid=" + sid;
    }

    /** The raw client. */
    public RawPolling http() {
        return http;
    }

    /** A blocking long-poll GET. */
    public RawResponse get() {
        return http.get(query());
    }

    /** A long-poll GET left pending. */
    public CompletableFuture<RawResponse> getAsync() {
        return http.getAsync(query());
    }

    /** A GET that must answer 200; returns the body. */
    public String getText() {
        RawResponse r = get();
        assertEquals(200, r.status(), () -> "GET " + r);
        return r.text();
    }

    /** A raw POST of a text payload. */
    public RawResponse post(String payload) {
        return http.post(query(), payload);
    }

    /** POSTs packets (encoded for this session's protocol) and asserts {@code 200 ok}. */
    public void send(String... packets) {
        RawResponse r = post(v3 ? Payloads.v3(packets) : Payloads.v4(packets));
        assertEquals(200, r.status(), () -> "POST " + r);
        assertEquals("ok", r.text(), () -> "POST " + r);
    }

    /** GETs once and splits the text payload into packets. */
    public List<String> nextPackets() {
        String body = getText();
        return v3 ? Payloads.splitV3(body) : Payloads.splitV4(body);
    }

    /**
     * GETs until at least {@code count} packets other than pings have arrived, answering every
     * v4 ping ({@code 2}) with a pong ({@code 3}); returns all those packets (possibly more than
     * {@code count}, as one GET may bring several) in arrival order.
     */
    public List<String> collect(int count) {
        List<String> packets = new ArrayList<>();
        long deadline = System.nanoTime() + COLLECT_TIMEOUT.toNanos();
        while (packets.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + packets + " of " + count + " packets within " + COLLECT_TIMEOUT);
            }
            for (String packet : nextPackets()) {
                if (!v3 && packet.equals("2")) {
                    send("3");
                } else {
                    packets.add(packet);
                }
            }
        }
        return packets;
    }

    /** v4: sends {@code 40} and returns the server's CONNECT answer packet. */
    public String connectMain() {
        send("40");
        return collect(1).get(0);
    }
}
