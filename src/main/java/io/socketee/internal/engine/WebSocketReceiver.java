package io.socketee.internal.engine;

/**
 * Where a transport host delivers what one WebSocket connection receives. Calls for one
 * connection must not overlap (the Jakarta WebSocket container already guarantees this).
 */
public interface WebSocketReceiver {

    /** A receiver that ignores everything, for refused connections. */
    WebSocketReceiver IGNORE = new WebSocketReceiver() {
        @Override
        public void onText(String text) {
        }

        @Override
        public void onBinary(byte[] data) {
        }

        @Override
        public void onClose() {
        }
    };

    /** A text frame arrived. */
    void onText(String text);

    /** A binary frame arrived. */
    void onBinary(byte[] data);

    /** The connection closed or failed; called once. */
    void onClose();
}
