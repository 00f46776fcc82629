package io.socketee.demo.push;

import java.util.Map;

/**
 * Why a push request was not delivered: the HTTP status and the JSON body
 * {@code {"error": code, "message": text}} the caller gets. Immutable.
 *
 * @param status the HTTP status
 * @param error a stable code, e.g. {@code "bad_signature"}
 * @param message a sentence for people
 */
public record Refusal(int status, String error, String message) {

    static Refusal badRequest(String message) {
        return new Refusal(400, "bad_request", message);
    }

    static Refusal unauthorized(String error, String message) {
        return new Refusal(401, error, message);
    }

    /** The JSON body. */
    public Map<String, String> body() {
        return Map.of("error", error, "message", message);
    }
}
