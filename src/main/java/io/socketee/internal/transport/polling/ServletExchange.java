package io.socketee.internal.transport.polling;

import io.socketee.internal.engine.HandshakeRequest;
import io.socketee.internal.engine.PollingExchange;
import io.socketee.internal.transport.Requests;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
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
        HttpServletResponse out = ac == null ? res : (HttpServletResponse) ac.getResponse();
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
        } finally {
            if (ac != null) {
                try {
                    ac.complete();
                } catch (IllegalStateException e) {
                    LOG.log(Level.FINE, "async context already completed", e);
                }
            }
        }
    }
}
