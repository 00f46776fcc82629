package io.socketee.it.protocol.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A raw HTTP client for the long-polling transport: plain GET/POST/OPTIONS on
 * {@code <base URL>?<query>}, bodies as bytes, nothing interpreted.
 *
 * <p>Each instance owns its own JDK {@link HttpClient} (HTTP/1.1, so concurrent requests use
 * separate connections, as a browser's do). Thread-safe.
 */
public final class RawPolling {

    /** Upper bound for any single request; a long-poll normally returns within pingInterval. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    static {
        // Node closes idle keep-alive connections after 5 s; never let the JDK reuse one that old.
        if (System.getProperty("jdk.httpclient.keepalive.timeout") == null) {
            System.setProperty("jdk.httpclient.keepalive.timeout", "2");
        }
    }

    private final URI base;
    private final HttpClient client;

    /** A client for one Socket.IO endpoint, e.g. {@code http://127.0.0.1:3000/socket.io/}. */
    public RawPolling(URI base) {
        this(base, HttpClient.Version.HTTP_1_1);
    }

    private RawPolling(URI base, HttpClient.Version version) {
        this.base = base;
        this.client = HttpClient.newBuilder()
                .version(version)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /**
     * A client whose first request asks to upgrade its connection to HTTP/2 cleartext
     * ({@code Connection: Upgrade, HTTP2-Settings}, {@code Upgrade: h2c}, {@code HTTP2-Settings}),
     * as the JDK's client does on {@code http://} when told to use HTTP/2. The server may refuse
     * (an HTTP/1.1 answer) or upgrade (101, then the answer over HTTP/2); either way the answer
     * is what the request got.
     */
    public static RawPolling askingForH2c(URI base) {
        return new RawPolling(base, HttpClient.Version.HTTP_2);
    }

    /** The endpoint URL this client talks to. */
    public URI base() {
        return base;
    }

    /** {@code <base>?<query>}. */
    public URI uri(String query) {
        return URI.create(base + "?" + query);
    }

    /** A blocking GET. */
    public RawResponse get(String query) {
        return await(getAsync(query));
    }

    /** A GET that completes when the server answers (a long-poll). */
    public CompletableFuture<RawResponse> getAsync(String query) {
        return sendAsync("GET", query, Map.of(), BodyPublishers.noBody());
    }

    /** A blocking POST of a text body (no Content-Type, as the spec allows for plain text). */
    public RawResponse post(String query, String body) {
        return await(sendAsync("POST", query, Map.of(), BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** A blocking POST with the given Content-Type. */
    public RawResponse post(String query, byte[] body, String contentType) {
        return await(sendAsync("POST", query, Map.of("Content-Type", contentType), BodyPublishers.ofByteArray(body)));
    }

    /** A POST whose body the caller streams (chunked, length unknown) through the returned publisher. */
    public CompletableFuture<RawResponse> postStreamed(String query, Flow.Publisher<ByteBuffer> body) {
        return sendAsync("POST", query, Map.of(), BodyPublishers.fromPublisher(body));
    }

    /** A blocking request of any method with extra headers and an optional body. */
    public RawResponse send(String method, String query, Map<String, String> headers, byte[] body) {
        BodyPublisher publisher = body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body);
        return await(sendAsync(method, query, headers, publisher));
    }

    private CompletableFuture<RawResponse> sendAsync(String method, String query, Map<String, String> headers,
            BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(query))
                .timeout(REQUEST_TIMEOUT)
                .method(method, body);
        headers.forEach(request::header);
        return client.sendAsync(request.build(), BodyHandlers.ofByteArray())
                .thenApply(r -> new RawResponse(r.statusCode(), r.headers(), r.body()));
    }

    /** Waits for a response (bounded by {@link #REQUEST_TIMEOUT} plus a margin). */
    public static RawResponse await(CompletableFuture<RawResponse> response) {
        try {
            return response.get(REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (ExecutionException e) {
            throw new AssertionError("request failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("no response within " + REQUEST_TIMEOUT, e);
        }
    }

    /** Whether a request ended without a usable response (connection reset or aborted). */
    public static boolean failedWithIo(CompletableFuture<RawResponse> response) {
        try {
            response.get(REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
            return false;
        } catch (ExecutionException e) {
            return e.getCause() instanceof IOException;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (TimeoutException e) {
            throw new AssertionError("no response within " + REQUEST_TIMEOUT, e);
        }
    }
}
