package io.socketee.internal.transport.websocket;

import io.socketee.internal.engine.EngineServer;
import io.socketee.internal.engine.HandshakeRequest;
import io.socketee.internal.transport.Callers;
import io.socketee.internal.transport.Requests;
import jakarta.servlet.http.HttpSession;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.WebSocketContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.function.Supplier;

/**
 * Creates one {@link EngineEndpoint} per connection and records the handshake request (query,
 * headers, HTTP session, address, and the authenticated caller with its declared roles, which the
 * container answers only during the opening handshake) for it. The container may share one configurator between
 * handshakes, so the request travels in the user properties, which Jakarta WebSocket 2.1 makes a
 * per-connection copy during {@code modifyHandshake} and hands to the new session.
 *
 * <p>Extensions: with {@code perMessageDeflate} off, none is negotiated, whatever the container
 * has; with it on, the endpoint offers what the container has installed (see {@link #config}) and
 * the container's own rule picks among those the client asks for. Whether permessage-deflate is
 * among them depends on the container (docs/configuration.md).
 *
 * <p>Thread-safe.
 */
public final class EngineConfigurator extends ServerEndpointConfig.Configurator {
    static final String REQUEST_PROPERTY = "io.socketee.handshake";
    /** Set when {@link UpgradeGuardFilter} ran the application's handshake check on this request. */
    static final String CHECKED_PROPERTY = "io.socketee.handshake.checked";
    /** User-property keys under which containers report the peer's address. */
    private static final List<String> ADDRESS_KEYS = List.of(
            "jakarta.websocket.endpoint.remoteAddress", "javax.websocket.endpoint.remoteAddress",
            "org.glassfish.tyrus.remoteAddr", "remoteAddress");

    private final Supplier<EngineServer> engine;
    private final SessionCloser closer;
    private final HandshakeAddresses addresses;
    private final boolean extensions;
    private final Callers callers;

    /**
     * @param engine the engine, looked up when a connection opens
     * @param closer closes the containers' sessions, which may block (see {@link SessionCloser})
     * @param addresses the client addresses recorded by the {@link UpgradeGuardFilter}
     * @param extensions whether WebSocket extensions (permessage-deflate) may be negotiated
     * @param callers makes the authenticated caller of a handshake
     */
    public EngineConfigurator(Supplier<EngineServer> engine, SessionCloser closer,
            HandshakeAddresses addresses, boolean extensions, Callers callers) {
        this.engine = engine;
        this.closer = closer;
        this.addresses = addresses;
        this.extensions = extensions;
        this.callers = callers;
    }

    @Override
    public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
        return extensions ? super.getNegotiatedExtensions(installed, requested) : List.of();
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig sec, jakarta.websocket.server.HandshakeRequest request,
            HandshakeResponse response) {
        Object session = request.getHttpSession();
        // the servlet request's address, as for polling; else what the container reports, if any.
        // Found means the upgrade passed the filter, which ran the application's check.
        java.util.Optional<String> filtered = addresses.lookup(request.getHeaders());
        String address = filtered.orElseGet(() -> reportedAddress(sec));
        String path = request.getRequestURI().getRawPath();
        HandshakeRequest hr = Requests.of(path, request.getQueryString(), request.getHeaders(),
                address, isSecure(request), session instanceof HttpSession ? session : null);
        if (Requests.opensSession(hr)) {
            hr = hr.withCaller(callers.of(request.getUserPrincipal(), request::isUserInRole));
        }
        sec.getUserProperties().put(REQUEST_PROPERTY, hr);
        sec.getUserProperties().put(CHECKED_PROPERTY, filtered.isPresent());
        // the application's headers (the reference's initial_headers and headers events)
        engine.get().upgradeResponseHeaders(hr).forEach((name, value) -> response.getHeaders().put(name, List.of(value)));
    }

    private static String reportedAddress(ServerEndpointConfig sec) {
        for (String key : ADDRESS_KEYS) {
            Object v = sec.getUserProperties().get(key);
            if (v != null) {
                return v.toString();
            }
        }
        return "";
    }

    private static boolean isSecure(jakarta.websocket.server.HandshakeRequest request) {
        String scheme = request.getRequestURI().getScheme();
        return "wss".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getEndpointInstance(Class<T> endpointClass) {
        return (T) new EngineEndpoint(engine, closer);
    }

    /**
     * Builds the endpoint configuration for one path: with the container's installed extensions
     * when this configurator negotiates extensions, else none.
     */
    public static ServerEndpointConfig config(String path, EngineConfigurator configurator,
            WebSocketContainer container) {
        List<Extension> offered = configurator.extensions
                ? List.copyOf(container.getInstalledExtensions()) : List.of();
        return ServerEndpointConfig.Builder.create(EngineEndpoint.class, path)
                .extensions(offered).configurator(configurator).build();
    }
}
