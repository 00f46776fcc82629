package io.socketee.internal.transport.polling;

import io.socketee.internal.engine.HandshakeRequest;
import io.socketee.internal.engine.PollingExchange;
import io.socketee.internal.engine.PostBody;
import io.socketee.internal.transport.Callers;
import io.socketee.internal.transport.Requests;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One servlet request seen as a {@link PollingExchange}. A suspended GET uses the Servlet async
 * API, and a POST's body is read with the non-blocking API ({@link BodyReader}), so no container
 * thread waits for a client.
 *
 * <p>The answer to a suspended GET or a POST usually comes from another thread (a broadcast, a timer), so
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
    private volatile BodyReader bodyReader;
    private volatile PollListener pollListener;

    /**
     * @param callers makes the caller of a request that opens a session, while the request is live
     */
    ServletExchange(HttpServletRequest req, HttpServletResponse res, Callers callers) {
        this.req = req;
        this.res = res;
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(req.getHeaderNames())) {
            headers.put(name, Collections.list(req.getHeaders(name)));
        }
        HandshakeRequest plain = Requests.of(req.getRequestURI(), req.getQueryString(), headers,
                req.getRemoteAddr(), req.isSecure(), req.getSession(false));
        this.request = Requests.opensSession(plain)
                ? plain.withCaller(callers.of(req.getUserPrincipal(), req::isUserInRole)) : plain;
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
    public void readBody(long max, Duration deadline, Consumer<PostBody> done) {
        long declared = req.getContentLengthLong();
        if (declared > max) {
            done.accept(PostBody.TOO_LARGE);
            return;
        }
        if (declared == 0) {
            done.accept(new PostBody.Received(new byte[0]));
            return;
        }
        ServletInputStream in;
        try {
            in = req.getInputStream();
        } catch (IOException | IllegalStateException e) {
            done.accept(new PostBody.Broken(String.valueOf(e)));
            return;
        }
        AsyncContext ac = req.startAsync(req, res);
        ac.setTimeout(deadline.toMillis());
        BodyReader reader = new BodyReader(in, max, declared, done);
        ac.addListener(reader);
        bodyReader = reader;
        async = ac; // before the first callback, which may answer from another thread
        try {
            in.setReadListener(reader);
        } catch (IllegalStateException e) {
            reader.failed(e);
        }
    }

    /**
     * Suspends the request; a request already suspended (a handshake GET that waited for the
     * application's check, then waits as a poll) keeps its first timeout, which the Servlet API
     * lets only the thread that started it set, and gets the new callbacks.
     */
    @Override
    public synchronized void suspend(Duration timeout, Runnable onTimeout, Runnable onDisconnect) {
        PollListener current = pollListener;
        if (current != null) {
            current.replace(onTimeout, onDisconnect);
            return;
        }
        AsyncContext ac = req.startAsync(req, res);
        ac.setTimeout(timeout.toMillis());
        PollListener listener = new PollListener(onTimeout, onDisconnect);
        ac.addListener(listener);
        pollListener = listener;
        async = ac;
    }

    /**
     * The events of a suspended GET. It lets go of its callbacks (which reach the session) once
     * they can no longer matter: a container may keep a finished request's listeners reachable
     * from a thread (Open Liberty keeps the last async context of each of its threads).
     */
    private final class PollListener implements AsyncListener {
        private volatile Runnable onTimeout;
        private volatile Runnable onDisconnect;

        PollListener(Runnable onTimeout, Runnable onDisconnect) {
            this.onTimeout = onTimeout;
            this.onDisconnect = onDisconnect;
        }

        void replace(Runnable timeout, Runnable disconnect) {
            this.onTimeout = timeout;
            this.onDisconnect = disconnect;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            onTimeout = null;
            onDisconnect = null;
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            Runnable timeout = onTimeout;
            if (timeout != null && !answered.get()) {
                timeout.run();
            }
            if (!answered.get()) {
                respond(200, Map.of(), new byte[0]);
            }
        }

        @Override
        public void onError(AsyncEvent event) {
            Runnable disconnect = onDisconnect;
            if (disconnect != null) {
                disconnect.run();
            }
            respond(500, Map.of(), new byte[0]);
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // not used
        }
    }

    @Override
    public void respond(int status, Map<String, String> headers, byte[] body) {
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        AsyncContext ac = async;
        if (ac != null) {
            BodyReader reader = bodyReader;
            if (reader != null && !reader.readToTheEnd()) {
                // the rest of the body is still on the connection: it cannot carry another request
                headers = new LinkedHashMap<>(headers);
                headers.put("Connection", "close");
            }
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

    /**
     * Writes one body as the container becomes ready for it, then completes the request and lets
     * go of the body (a container may keep the listener reachable after the request).
     */
    private static final class BodyWriter implements WriteListener {
        private final AsyncContext ac;
        private final ServletOutputStream stream;
        private byte[] body;
        private int written;

        BodyWriter(AsyncContext ac, ServletOutputStream stream, byte[] body) {
            this.ac = ac;
            this.stream = stream;
            this.body = body;
        }

        @Override
        public synchronized void onWritePossible() throws IOException {
            while (body != null && stream.isReady()) {
                if (written == body.length) {
                    body = null;
                    complete(ac);
                    return;
                }
                int n = Math.min(body.length - written, 64 * 1024);
                stream.write(body, written, n);
                written += n;
            }
        }

        @Override
        public synchronized void onError(Throwable t) {
            LOG.log(Level.FINE, "polling response failed: client gone", t);
            body = null;
            complete(ac);
        }
    }
}
