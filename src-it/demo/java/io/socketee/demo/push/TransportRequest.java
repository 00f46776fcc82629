package io.socketee.demo.push;

/**
 * The body of {@code POST api/transportMessage}, as the seed defines it. Immutable.
 *
 * @param timestamp milliseconds since the epoch when the caller signed it
 * @param app the calling application (picks the key)
 * @param target the socket id to deliver to (used when {@code userId} is absent or unknown)
 * @param userId the user to deliver to, wherever it is connected now
 * @param sign the legacy signature ({@link SignatureMode#MD5_LEGACY} only)
 * @param message what to deliver, any JSON
 */
public record TransportRequest(Long timestamp, String app, String target, String userId, String sign, Object message) {
}
