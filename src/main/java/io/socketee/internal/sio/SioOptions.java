package io.socketee.internal.sio;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the Socket.IO layer. Immutable and thread-safe.
 *
 * @param connectTimeout how long a new connection may stay without joining any namespace before
 *     it is closed (the reference server's {@code connectTimeout}, 45 s by default)
 * @param maxAttachments the most binary attachments one received packet may announce (10 by
 *     default, as the reference parser); a packet announcing more closes the connection
 * @param maxDepth the deepest array/object nesting accepted in a received packet (a guard against
 *     hostile input; 512 by default); a deeper packet closes the connection
 */
public record SioOptions(Duration connectTimeout, int maxAttachments, int maxDepth) {

    /** The defaults: the reference server's, plus a nesting bound it does not have. */
    public static final SioOptions DEFAULTS = new SioOptions(Duration.ofSeconds(45), 10, 512);

    public SioOptions {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive: " + connectTimeout);
        }
        if (maxAttachments < 0) {
            throw new IllegalArgumentException("maxAttachments must not be negative: " + maxAttachments);
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1: " + maxDepth);
        }
    }
}
