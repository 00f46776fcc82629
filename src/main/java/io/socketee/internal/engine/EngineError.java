package io.socketee.internal.engine;

import io.socketee.internal.protocol.json.JsonWriter;

/**
 * The Engine.IO server's numbered request errors, as the reference server answers them: HTTP 400
 * (403 for {@link #FORBIDDEN}) with {@code {"code":N,"message":"..."}}.
 */
public enum EngineError {
    UNKNOWN_TRANSPORT(0, "Transport unknown"),
    UNKNOWN_SID(1, "Session ID unknown"),
    BAD_HANDSHAKE_METHOD(2, "Bad handshake method"),
    BAD_REQUEST(3, "Bad request"),
    FORBIDDEN(4, "Forbidden"),
    UNSUPPORTED_PROTOCOL_VERSION(5, "Unsupported protocol version");

    private final int code;
    private final String message;

    EngineError(int code, String message) {
        this.code = code;
        this.message = message;
    }

    /** The number in the JSON body. */
    public int code() {
        return code;
    }

    /** The reference's message for this error. */
    public String message() {
        return message;
    }

    /** The HTTP status the reference answers with. */
    public int httpStatus() {
        return this == FORBIDDEN ? 403 : 400;
    }

    /** The JSON body, byte for byte as the reference writes it. */
    public String json() {
        return json(message);
    }

    /** The JSON body with a custom message (used by FORBIDDEN with the verifier's message). */
    public String json(String customMessage) {
        StringBuilder sb = new StringBuilder("{\"code\":").append(code).append(",\"message\":");
        JsonWriter.writeString(customMessage, sb);
        return sb.append('}').toString();
    }
}
