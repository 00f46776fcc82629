package io.socketee.internal.transport.websocket;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Carries the client's address from the servlet side of a WebSocket upgrade to the handshake.
 *
 * <p>Jakarta WebSocket has no API for the peer's address, and the containers differ: Payara's
 * Tyrus reports none to an endpoint at all. But on all three tested servers the upgrade request
 * passes {@link UpgradeGuardFilter} first and the container's handshake (and so
 * {@link EngineConfigurator#modifyHandshake}) runs inside that filter's {@code chain.doFilter}.
 * The filter records {@code HttpServletRequest.getRemoteAddr()} (the same source as polling) under
 * the handshake's {@code Sec-WebSocket-Key} for the duration of that call, and the configurator
 * looks it up. A container that upgraded before filters ran would find nothing here, and the
 * configurator falls back to what the container reports.
 *
 * <p>Thread-safe; holds only the upgrades in progress.
 */
public final class HandshakeAddresses {
    /** The header that identifies one handshake (random per handshake, RFC 6455 §4.1). */
    static final String KEY_HEADER = "Sec-WebSocket-Key";

    private final Map<String, String> inProgress = new ConcurrentHashMap<>();

    /** Records the address of the upgrade with this key; {@link #forget} must follow. */
    void record(String key, String address) {
        inProgress.put(key, address);
    }

    /** Drops the record of the upgrade with this key. */
    void forget(String key) {
        inProgress.remove(key);
    }

    /** The address recorded for the handshake with these headers (any name case), if any. */
    Optional<String> lookup(Map<String, List<String>> headers) {
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            if (KEY_HEADER.equalsIgnoreCase(h.getKey()) && h.getValue() != null && !h.getValue().isEmpty()) {
                return Optional.ofNullable(inProgress.get(h.getValue().get(0)));
            }
        }
        return Optional.empty();
    }
}
