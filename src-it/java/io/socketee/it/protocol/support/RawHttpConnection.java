package io.socketee.it.protocol.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One TCP connection speaking HTTP/1.1 by hand, for requests no HTTP client sends: a body shorter
 * than its Content-Length, a chunked body that never ends, an {@code Upgrade: h2c} header. The
 * caller writes the request's bytes; {@link #readResponse} parses one response (Content-Length,
 * chunked, or up to the end of the connection).
 *
 * <p>Not thread-safe: one test thread drives it.
 */
public final class RawHttpConnection implements AutoCloseable {

    /** A generous wait for an answer the server should give at once. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final URI base;
    private final Socket socket;
    private final InputStream in;

    private RawHttpConnection(URI base, Socket socket) throws IOException {
        this.base = base;
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /** Connects to the host and port of an endpoint, e.g. {@code http://127.0.0.1:9081/app/socket.io/}. */
    public static RawHttpConnection open(URI base) {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            return new RawHttpConnection(base, socket);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new UncheckedIOException("cannot connect to " + base, e);
        }
    }

    /**
     * The head of a request to the endpoint: {@code <method> <path>?<query> HTTP/1.1}, Host, the
     * given header lines (e.g. {@code "Content-Length: 100"}) and the blank line.
     */
    public String head(String method, String query, String... headerLines) {
        StringBuilder sb = new StringBuilder(method).append(' ').append(base.getRawPath()).append('?').append(query)
                .append(" HTTP/1.1\r\nHost: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
        for (String line : headerLines) {
            sb.append(line).append("\r\n");
        }
        return sb.append("\r\n").toString();
    }

    /** Writes bytes as they are. */
    public RawHttpConnection write(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("write failed", e);
        }
    }

    /** Writes text as US-ASCII/UTF-8 bytes. */
    public RawHttpConnection write(String text) {
        return write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Ends the client's side of the connection (FIN); the server may still answer. */
    public void halfClose() {
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            throw new UncheckedIOException("shutdownOutput failed", e);
        }
    }

    /**
     * Reads one response, waiting at most {@code timeout} for each read.
     *
     * @return the response, or empty when the server closed the connection without one
     * @throws AssertionError when nothing complete came within the timeout
     */
    public Optional<RawResponse> readResponse(Duration timeout) {
        try {
            socket.setSoTimeout((int) timeout.toMillis());
            String statusLine = readLine();
            if (statusLine == null) {
                return Optional.empty();
            }
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String line = readLine(); line != null && !line.isEmpty(); line = readLine()) {
                int colon = line.indexOf(':');
                headers.computeIfAbsent(line.substring(0, colon).trim(), k -> new ArrayList<>())
                        .add(line.substring(colon + 1).trim());
            }
            byte[] body = readBody(headers);
            return Optional.of(new RawResponse(status, HttpHeaders.of(headers, (k, v) -> true), body));
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no complete response within " + timeout, e);
        } catch (IOException e) {
            return Optional.empty(); // reset by the server
        }
    }

    private byte[] readBody(Map<String, List<String>> headers) throws IOException {
        List<String> length = headers.get("Content-Length");
        if (length != null) {
            return in.readNBytes(Integer.parseInt(length.get(0)));
        }
        List<String> encoding = headers.get("Transfer-Encoding");
        if (encoding != null && encoding.get(0).toLowerCase(Locale.ROOT).contains("chunked")) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(readLine().split(";")[0].trim(), 16); size > 0;
                    size = Integer.parseInt(readLine().split(";")[0].trim(), 16)) {
                body.write(in.readNBytes(size));
                readLine();
            }
            readLine();
            return body.toByteArray();
        }
        return in.readAllBytes();
    }

    /** Whether the server closed the connection (end of stream or reset) within {@code timeout}. */
    public boolean closedByServer(Duration timeout) {
        try {
            socket.setSoTimeout((int) timeout.toMillis());
            while (in.read() != -1) {
                // skip what is left of a response
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
