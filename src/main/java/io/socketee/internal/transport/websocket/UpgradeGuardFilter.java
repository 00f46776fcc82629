package io.socketee.internal.transport.websocket;

import io.socketee.internal.engine.EngineServer;
import io.socketee.internal.engine.HandshakeRequest;
import io.socketee.internal.transport.Requests;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Refuses bad WebSocket upgrade requests (unknown sid, unknown transport, a protocol the server
 * does not accept) with HTTP 400 and the error message as text, before the container upgrades
 * them, as the reference does; refuses upgrades to anything else (HTTP/2 cleartext) the same way. Where a container upgrades before filters run, the endpoint
 * refuses the connection right after the upgrade instead (close code 1008). For a good upgrade
 * it records the client's address for the handshake ({@link HandshakeAddresses}).
 *
 * <p>Thread-safe and stateless.
 */
public final class UpgradeGuardFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    private final transient Supplier<EngineServer> engine;
    private final transient HandshakeAddresses addresses;

    /**
     * A filter for the engine served at its mapping.
     *
     * @param engine the engine, looked up per request
     * @param addresses where the client's address is recorded while the container upgrades
     */
    public UpgradeGuardFilter(Supplier<EngineServer> engine, HandshakeAddresses addresses) {
        this.engine = engine;
        this.addresses = addresses;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String upgrade = req.getHeader("Upgrade");
        if (upgrade == null) {
            chain.doFilter(req, res);
            return;
        }
        if (!upgrade.equalsIgnoreCase("websocket")) {
            refuseOtherUpgrade(req, res);
            return;
        }
        Optional<String> refusal = engine.get().refuseUpgrade(handshakeRequest(req));
        if (refusal.isEmpty()) {
            upgrade(req, res, chain);
            return;
        }
        refuse(res, 400, refusal.get());
    }

    /**
     * Answers an upgrade to anything but WebSocket (HTTP/2 cleartext, say) as the reference's
     * WebSocket server does: the engine's refusal if its checks fail, else 405 "Invalid HTTP
     * method" for anything but a GET and 400 "Invalid Upgrade header". The request never goes on
     * to the container, whose own upgrade would take over the engine's path (Open Liberty's
     * HTTP/2 upgrade failed there with a NullPointerException and held the request).
     */
    private void refuseOtherUpgrade(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Optional<String> refusal = engine.get().refuseOtherUpgrade(handshakeRequest(req), req.getMethod());
        if (refusal.isPresent()) {
            refuse(res, 400, refusal.get());
        } else if (!"GET".equals(req.getMethod())) {
            refuse(res, 405, "Invalid HTTP method");
        } else {
            refuse(res, 400, "Invalid Upgrade header");
        }
    }

    private static HandshakeRequest handshakeRequest(HttpServletRequest req) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(req.getHeaderNames())) {
            headers.put(name, Collections.list(req.getHeaders(name)));
        }
        return Requests.of(req.getRequestURI(), req.getQueryString(), headers, req.getRemoteAddr(), req.isSecure(), null);
    }

    /** Refuses with a text message and closes the connection, as the reference does. */
    private static void refuse(HttpServletResponse res, int status, String message) throws IOException {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        res.setStatus(status);
        res.setHeader("Connection", "close");
        res.setContentType("text/html");
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }

    /**
     * Lets the container upgrade, with the client's address recorded for the handshake and no HTTP
     * session created for it ({@link NoNewSessionRequest}).
     */
    private void upgrade(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest upgrading = new NoNewSessionRequest(req);
        String key = req.getHeader(HandshakeAddresses.KEY_HEADER);
        if (key == null) {
            chain.doFilter(upgrading, res);
            return;
        }
        addresses.record(key, req.getRemoteAddr());
        try {
            chain.doFilter(upgrading, res);
        } finally {
            addresses.forget(key);
        }
    }
}
