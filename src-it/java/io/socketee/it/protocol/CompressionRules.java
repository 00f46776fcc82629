package io.socketee.it.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.socketee.it.protocol.support.Payloads;
import io.socketee.it.protocol.support.PollingSession;
import io.socketee.it.protocol.support.RawResponse;
import io.socketee.it.support.ScenarioRun;

/**
 * Compression, checked on the wire. Polling (the reference's {@code httpCompression}, on by
 * default, threshold 1024 bytes): a GET whose answer is large comes back gzip- or
 * deflate-encoded, as its {@code Accept-Encoding} asks, with a {@code Content-Length} smaller than
 * the payload, and decodes to the same packets; without {@code Accept-Encoding}, and below the
 * threshold, the body is sent as it is. WebSocket (the reference's {@code perMessageDeflate},
 * turned on for these servers): the Node {@code ws} client and socket.io-client 4
 * ({@code src-it/node/compression-scenarios.js}).
 */
public abstract class CompressionRules extends ProtocolRules {

    /** The scenarios of compression-scenarios.js every server runs, as it names them. */
    private static final List<String> WEBSOCKET = List.of(
            "ws not offering permessage-deflate gets plain frames",
            "socket.io-client 4 over WebSocket only: events and acks",
            "socket.io-client 4 upgrading from polling: events and acks");
    private static final String DEFLATED =
            "ws offering permessage-deflate gets it and a 20,000-character echo arrives compressed on the wire";
    private static final String DECLINED = "ws offering permessage-deflate is declined and gets plain frames";

    /** 6,000 characters of chat, as in the measurement. */
    protected static final String LARGE = "the quick brown fox jumps over the lazy dog ".repeat(136);

    /** Whether the server's WebSocket container negotiates permessage-deflate. */
    protected boolean perMessageDeflateAvailable() {
        return true;
    }

    /**
     * A large answer to a GET accepting gzip is gzipped, shorter than the payload, and decodes to
     * it. (The reference streams it chunked; SocketEE sends a Content-Length, checked in its IT.)
     */
    @Test
    public void aLargePollingAnswerIsGzippedWhenTheClientAcceptsGzip() {
        Answer answer = echoOverPolling(LARGE, Map.of("Accept-Encoding", "gzip, deflate"));

        assertEquals("gzip", answer.response().headerOrAbsent("content-encoding"));
        int length = answer.response().body().length;
        assertTrue(length < answer.decoded().length() / 4,
                length + " bytes on the wire for a payload of " + answer.decoded().length() + " bytes");
        System.out.println("compression: polling echo payload " + answer.decoded().length() + " bytes, gzip body "
                + length + " bytes, Content-Length " + answer.response().headerOrAbsent("content-length"));
    }

    /** Deflate is used when the client prefers it. */
    @Test
    public void aLargePollingAnswerIsDeflatedWhenTheClientPrefersDeflate() {
        Answer answer = echoOverPolling(LARGE, Map.of("Accept-Encoding", "deflate, gzip;q=0.5"));

        assertEquals("deflate", answer.response().headerOrAbsent("content-encoding"));
        assertTrue(answer.response().body().length < answer.decoded().length() / 4);
    }

    /** Without Accept-Encoding the answer is identity: no Content-Encoding, the payload as it is. */
    @Test
    public void withoutAcceptEncodingTheAnswerIsNotCompressed() {
        Answer answer = echoOverPolling(LARGE, Map.of());

        assertEquals("<absent>", answer.response().headerOrAbsent("content-encoding"));
        assertEquals(answer.decoded().length(), answer.response().body().length);
    }

    /** An answer under the 1024-byte threshold is not compressed even when gzip is accepted. */
    @Test
    public void aSmallAnswerIsNotCompressed() {
        Answer answer = echoOverPolling("x".repeat(900), Map.of("Accept-Encoding", "gzip"));

        assertEquals("<absent>", answer.response().headerOrAbsent("content-encoding"));
    }

    /** WebSocket: permessage-deflate negotiated with {@code ws}, and the official client over it. */
    @TestFactory
    public Stream<DynamicTest> perMessageDeflateWithNodeClients() {
        List<String> expected = new ArrayList<>(WEBSOCKET);
        expected.add(0, perMessageDeflateAvailable() ? DEFLATED : DECLINED);
        return ScenarioRun.tests("compression-scenarios.js", "websocket", expected, "--url", baseUrl().toString(),
                "--deflate", perMessageDeflateAvailable() ? "present" : "absent");
    }

    /** A polling GET's raw response and its body decoded as its Content-Encoding says. */
    protected record Answer(RawResponse response, String decoded) {
    }

    /**
     * Connects a polling session, has the server echo {@code text}, and GETs with
     * {@code headers} until the echo arrives (answering pings); returns that GET's answer.
     */
    protected final Answer echoOverPolling(String text, Map<String, String> headers) {
        PollingSession session = pollingV4();
        session.connectMain();
        session.send("42[\"echo\",\"" + text + "\"]");
        String expected = "42[\"echo\",\"" + text + "\"]";
        long deadline = System.nanoTime() + PollingSession.COLLECT_TIMEOUT.toNanos();
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            RawResponse r = session.http().send("GET", session.query(), headers, null);
            assertEquals(200, r.status(), () -> "GET " + r);
            String decoded = decode(r);
            List<String> packets = Payloads.splitV4(decoded);
            if (packets.contains(expected)) {
                return new Answer(r, decoded);
            }
            for (String p : packets) {
                if (p.equals("2")) {
                    session.send("3");
                }
                seen.add(p.length() > 40 ? p.substring(0, 40) + "..." : p);
            }
        }
        throw new AssertionError("no echo within " + PollingSession.COLLECT_TIMEOUT + "; saw " + seen);
    }

    private static String decode(RawResponse r) {
        String coding = r.headerOrAbsent("content-encoding");
        try (InputStream in = switch (coding) {
            case "gzip" -> new GZIPInputStream(new ByteArrayInputStream(r.body()));
            case "deflate" -> new InflaterInputStream(new ByteArrayInputStream(r.body()));
            case "<absent>" -> new ByteArrayInputStream(r.body());
            default -> throw new AssertionError("unexpected Content-Encoding " + coding);
        }) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
