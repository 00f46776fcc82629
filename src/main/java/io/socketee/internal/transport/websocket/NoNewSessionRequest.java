package io.socketee.internal.transport.websocket;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;

/**
 * A WebSocket upgrade request that never creates an HTTP session: {@code getSession()} returns the
 * client's existing session or null, like {@code getSession(false)}. Open Liberty's handshake
 * calls {@code getSession()} for every upgrade, which left one HTTP session (and a JSESSIONID
 * cookie) per WebSocket connection, kept for the session timeout after the connection closed;
 * the reference server has no such state, and an application that gave its clients a session
 * still finds it in the handshake.
 *
 * <p>Thread-safe as the wrapped request is (one request, one thread).
 */
final class NoNewSessionRequest extends HttpServletRequestWrapper {

    NoNewSessionRequest(HttpServletRequest request) {
        super(request);
    }

    @Override
    public HttpSession getSession() {
        return super.getSession(false);
    }

    @Override
    public HttpSession getSession(boolean create) {
        return super.getSession(false);
    }
}
