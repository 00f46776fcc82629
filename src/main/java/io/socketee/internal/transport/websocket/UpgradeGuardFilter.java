package io.socketee.internal.transport.websocket;

import io.socketee.internal.engine.EngineServer;
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
 * them, as the reference does. Where a container upgrades before filters run, the endpoint
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
        if (upgrade == null || !upgrade.equalsIgnoreCase("websocket")) {
            chain.doFilter(req, res);
            return;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(req.getHeaderNames())) {
            headers.put(name, Collections.list(req.getHeaders(name)));
        }
        Optional<String> refusal = engine.get().refuseUpgrade(Requests.of(req.getRequestURI(),
                req.getQueryString(), headers, req.getRemoteAddr(), req.isSecure(), null));
        if (refusal.isEmpty()) {
            upgrade(req, res, chain);
            return;
        }
        byte[] body = refusal.get().getBytes(StandardCharsets.UTF_8);
        res.setStatus(400);
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
