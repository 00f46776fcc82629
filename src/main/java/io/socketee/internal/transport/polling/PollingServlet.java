package io.socketee.internal.transport.polling;

import io.socketee.internal.engine.EngineServer;
import io.socketee.internal.transport.Callers;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * The HTTP side of the engine path: long-polling requests go to the {@link EngineServer}, and the
 * client bundle ({@code socket.io.js} and friends) is served beside them when enabled.
 *
 * <p>A servlet rather than a JAX-RS resource: the path comes from configuration at deployment,
 * the servlet is invisible to the application's own JAX-RS scanning, and polling needs raw bytes
 * and headers (see docs/adr/0001-polling-on-a-servlet.md). Registered programmatically with async
 * support. Thread-safe.
 */
public final class PollingServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient Supplier<EngineServer> engine;
    private final transient ClientBundle bundle;
    private final transient Callers callers;

    /**
     * @param engine the engine, looked up per request (it is built after servlet registration)
     * @param bundle the client bundle, or {@code null} when serving it is disabled
     * @param callers makes the authenticated caller of a handshake
     */
    public PollingServlet(Supplier<EngineServer> engine, ClientBundle bundle, Callers callers) {
        this.engine = engine;
        this.bundle = bundle;
        this.callers = callers;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String pathInfo = req.getPathInfo();
        if (bundle != null && ("GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod()))
                && ClientBundle.matches(pathInfo)) {
            serveClient(pathInfo, req, res);
            return;
        }
        engine.get().handlePolling(new ServletExchange(req, res, callers));
    }

    private void serveClient(String pathInfo, HttpServletRequest req, HttpServletResponse res)
            throws IOException {
        var file = bundle.file(pathInfo);
        if (file.isEmpty()) {
            res.sendError(404);
            return;
        }
        String etag = ClientBundle.etag();
        String ifNoneMatch = req.getHeader("If-None-Match");
        if (etag.equals(ifNoneMatch) || ("W/" + etag).equals(ifNoneMatch)) {
            res.setStatus(304);
            return;
        }
        res.setHeader("Cache-Control", "public, max-age=0");
        res.setHeader("Content-Type",
                "application/" + (file.get().map() ? "json" : "javascript") + "; charset=utf-8");
        res.setHeader("ETag", etag);
        String accept = req.getHeader("Accept-Encoding");
        boolean gzip = accept != null && accept.contains("gzip");
        byte[] body = gzip ? file.get().gzipped() : file.get().plain();
        if (gzip) {
            res.setHeader("Content-Encoding", "gzip");
        }
        res.setContentLength(body.length);
        if (!"HEAD".equals(req.getMethod())) {
            res.getOutputStream().write(body);
        }
    }
}
