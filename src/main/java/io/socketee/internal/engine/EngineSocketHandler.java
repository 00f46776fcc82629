package io.socketee.internal.engine;

/**
 * Receives what happens on one {@link EngineSocket}. Calls for one session never overlap and come
 * in wire order. Implementations must not block for long: the caller may be a container thread.
 */
public interface EngineSocketHandler {

    /** A handler that ignores everything. */
    EngineSocketHandler IGNORE = new EngineSocketHandler() {
        @Override
        public void onText(String message) {
        }

        @Override
        public void onBinary(byte[] message) {
        }

        @Override
        public void onClose(String reason) {
        }
    };

    /** A text message arrived. */
    void onText(String message);

    /** A binary message arrived. */
    void onBinary(byte[] message);

    /**
     * The session closed. Called once.
     *
     * @param reason the Engine.IO reason: "transport close", "ping timeout", "transport error",
     *     "forced close", "parse error", "server shutting down"
     */
    void onClose(String reason);

    /**
     * The session moved to another transport ({@code "websocket"} after an upgrade); called after
     * the switch, outside the session's lock. Does nothing by default.
     */
    default void onUpgrade(String transport) {
    }
}
