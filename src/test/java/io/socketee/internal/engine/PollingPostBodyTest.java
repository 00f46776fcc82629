package io.socketee.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A POST's body arrives while no thread waits for it ({@link PollingExchange#readBody}); these
 * tests end each read by hand, the way the servlet's reader would: whole, too large, or broken.
 */
class PollingPostBodyTest {

    private static final String Q = "EIO=4&transport=polling&sid=";

    @Test
    void aBodyThatArrivesLaterIsHandledAndAnsweredOk() throws Exception {
        try (EngineFixture f = new EngineFixture(EngineOptions.DEFAULTS)) {
            String sid = f.handshake("4");
            EngineFixture.Exchange post = f.postArriving(Q + sid);
            assertFalse(post.answered(), "no answer before the body is in");

            post.bodyRead(received("4hello"));

            assertEquals(200, post.await().status());
            assertEquals("ok", post.await().text());
            assertEquals("text:hello", f.nextEvent(sid));
        }
    }

    /** Like the reference: 413, and the session lives on (the next POST is handled). */
    @Test
    void aBodyThatPassesTheLimitWhileArrivingGets413AndTheSessionLivesOn() throws Exception {
        try (EngineFixture f = new EngineFixture(EngineOptions.DEFAULTS.withMaxHttpBufferSize(10))) {
            String sid = f.handshake("4");
            EngineFixture.Exchange post = f.postArriving(Q + sid);

            post.bodyRead(PostBody.TOO_LARGE);

            assertEquals(413, post.await().status());
            assertEquals(0, post.await().body().length);
            assertEquals(200, f.post(Q + sid, "4next").await().status(), "the POST in flight was released");
            assertEquals("text:next", f.nextEvent(sid));
            assertEquals(1, f.server.clientsCount());
        }
    }

    /**
     * A body that ends early (the client went away, or sent less than its Content-Length): 400,
     * and the session closes with "transport error", as the reference's "data request connection
     * closed prematurely" does.
     */
    @Test
    void aBodyThatEndsEarlyGets400AndClosesTheSessionWithTransportError() throws Exception {
        try (EngineFixture f = new EngineFixture(EngineOptions.DEFAULTS)) {
            String sid = f.handshake("4");
            EngineFixture.Exchange post = f.postArriving(Q + sid);

            post.bodyRead(new PostBody.Broken("EOF after 2 of 100 bytes"));

            assertEquals(400, post.await().status());
            assertEquals("close:transport error", f.nextEvent(sid));
            assertEquals(0, f.server.clientsCount());
            EngineHandshakeTest.assertError(f.get(Q + sid), 400, "{\"code\":1,\"message\":\"Session ID unknown\"}");
        }
    }

    /**
     * A second POST while the first's body is still arriving: the second gets 400, the session
     * closes with "transport error" and the first is cut short with 400 (the reference destroys
     * it); its body, should it still come in, is dropped.
     */
    @Test
    void aSecondPostWhileTheFirstBodyIsArrivingClosesTheSessionAndCutsTheFirstShort() throws Exception {
        try (EngineFixture f = new EngineFixture(EngineOptions.DEFAULTS)) {
            String sid = f.handshake("4");
            EngineFixture.Exchange first = f.postArriving(Q + sid);

            EngineFixture.Exchange second = f.post(Q + sid, "4second");

            assertEquals(400, second.await().status());
            assertEquals(400, first.await().status());
            assertEquals("close:transport error", f.nextEvent(sid));
            first.bodyRead(received("4first"));
            assertEquals(0, f.events.get(sid).size(), "neither body reached the handler: " + f.events.get(sid));
        }
    }

    /** The heartbeat, which such a POST keeps from getting through, ends it with the session. */
    @Test
    void thePingTimeoutCutsShortAPostWhoseBodyNeverEnds() throws Exception {
        EngineOptions quick = EngineOptions.DEFAULTS.withPing(Duration.ofMillis(50), Duration.ofMillis(50));
        try (EngineFixture f = new EngineFixture(quick)) {
            String sid = f.handshake("4");
            EngineFixture.Exchange post = f.postArriving(Q + sid);

            assertEquals(400, post.await().status());
            assertEquals("close:ping timeout", f.nextEvent(sid));
            assertEquals(0, f.server.clientsCount());
        }
    }

    /** A body whose packets are in is answered ok even when one of them closes the session. */
    @Test
    void aBodyWithAMalformedPacketIsStillAnsweredOkAndClosesTheSession() throws Exception {
        try (EngineFixture f = new EngineFixture(EngineOptions.DEFAULTS)) {
            String sid = f.handshake("4");
            EngineFixture.Exchange post = f.postArriving(Q + sid);

            post.bodyRead(received("4fine\u001e9nonsense"));

            assertEquals(200, post.await().status());
            assertEquals("close:parse error", f.nextEvent(sid), "a payload is decoded whole before any packet is handled");
        }
    }

    @Test
    void theHostIsToldToGiveUpOnABodyAfterPingIntervalPlusPingTimeout() throws Exception {
        EngineOptions options = EngineOptions.DEFAULTS.withPing(Duration.ofMillis(25_000), Duration.ofMillis(20_000));
        try (EngineFixture f = new EngineFixture(options)) {
            String sid = f.handshake("4");
            EngineFixture.Exchange post = f.postArriving(Q + sid);

            assertEquals(Duration.ofMillis(45_000), post.readDeadline);
        }
    }

    private static PostBody received(String text) {
        return new PostBody.Received(text.getBytes(StandardCharsets.UTF_8));
    }
}
