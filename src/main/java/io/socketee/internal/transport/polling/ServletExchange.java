package io.socketee.internal.transport.polling;

import io.socketee.internal.engine.HandshakeRequest;
import io.socketee.internal.engine.PollingExchange;
import io.socketee.internal.transport.Requests;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One servlet request seen as a {@link PollingExchange}. A suspended GET uses the Servlet async
 * API, so no container thread waits for it.
 *
 * <p>The answer to a suspended GET usually comes from another thread (a broadcast, a timer), so
 * it is written with the Servlet non-blocking API: {@link #respond} hands the body to the
 * container and returns, and a client that does not read holds no thread, only its body. An
 * answer given on the request's own thread is written the ordinary way.
 *
 * <p>Thread-safe: {@link #respond} may come from any thread and only the first call counts.
 */
final class ServletExchange implements PollingExchange {
    private static final Logger LOG = Logger.getLogger(ServletExchange.class.getName());

    private final HttpServletRequest req;
    private final HttpServletResponse res;
    private final HandshakeRequest request;
    private final AtomicBoolean answered = new AtomicBoolean();
    private volatile AsyncContext async;

    ServletExchange(HttpServletRequest req, HttpServletResponse res) {
        this.req = req;
        this.res = res;
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(req.getHeaderNames())) {
            headers.put(name, Collections.list(req.getHeaders(name)));
        }
        this.request = Requests.of(req.getRequestURI(), req.getQueryString(), headers,
                req.getRemoteAddr(), req.isSecure(), req.getSession(false));
    }

    @Override
    public String method() {
        return req.getMethod();
    }

    @Override
    public HandshakeRequest request() {
        return request;
    }

    @Override
    public Optional<String> contentType() {
        return Optional.ofNullable(req.getContentType());
    }

    @Override
    public Optional<byte[]> readBody(long max) throws IOException {
        long declared = req.getContentLengthLong();
        if (declared > max) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 256);
        byte[] buf = new byte[8192];
        long total = 0;
        try (InputStream in = req.getInputStream()) {
            int n;
            while ((n = in.read(buf)) != -1) {
                total += n;
                if (total > max) {
                    return Optional.empty();
                }
                out.write(buf, 0, n);
            }
        }
        return Optional.of(out.toByteArray());
    }

    @Override
    public void suspend(Duration timeout, Runnable onTimeout, Runnable onDisconnect) {
        AsyncContext ac = req.startAsync(req, res);
        ac.setTimeout(timeout.toMillis());
        ac.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                // answered normally
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                onTimeout.run();
                if (!answered.get()) {
                    respond(200, Map.of(), new byte[0]);
                }
            }

            @Override
            public void onError(AsyncEvent event) {
                onDisconnect.run();
                respond(500, Map.of(), new byte[0]);
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // not used
            }
        });
        async = ac;
    }

    @Override
    public void respond(int status, Map<String, String> headers, byte[] body) {
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        AsyncContext ac = async;
        if (ac != null) {
            respondLater(ac, status, headers, body);
            return;
        }
        HttpServletResponse out = res;
        try {
            out.setStatus(status);
            headers.forEach(out::setHeader);
            out.setContentLength(body.length);
            if (body.length > 0) {
                out.getOutputStream().write(body);
            }
            out.flushBuffer();
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "polling response failed: client gone", e);
        }
    }

    /** Writes a suspended request's answer without blocking: the container calls back as it can take more. */
    private static void respondLater(AsyncContext ac, int status, Map<String, String> headers, byte[] body) {
        try {
            HttpServletResponse out = (HttpServletResponse) ac.getResponse();
            out.setStatus(status);
            headers.forEach(out::setHeader);
            out.setContentLength(body.length);
            ServletOutputStream stream = out.getOutputStream();
            stream.setWriteListener(new BodyWriter(ac, stream, body));
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "polling response failed: client gone", e);
            complete(ac);
        }
    }

    private static void complete(AsyncContext ac) {
        try {
            ac.complete();
        } catch (IllegalStateException e) {
            LOG.log(Level.FINE, "async context already completed", e);
        }
    }

    /** Writes one body as the container becomes ready for it, then completes the request. */
    private static final class BodyWriter implements WriteListener {
        private final AsyncContext ac;
        private final ServletOutputStream stream;
        private final byte[] body;
        private int written;

        BodyWriter(AsyncContext ac, ServletOutputStream stream, byte[] body) {
            this.ac = ac;
            this.stream = stream;
            this.body = body;
        }

        @Override
        public void onWritePossible() throws IOException {
            while (stream.isReady()) {
                if (written == body.length) {
                    complete(ac);
                    return;
                }
                int n = Math.min(body.length - written, 64 * 1024);
                stream.write(body, written, n);
                written += n;
            }
        }

        @Override
        public void onError(Throwable t) {
            LOG.log(Level.FINE, "polling response failed: client gone", t);
            complete(ac);
        }
    }
}
