package io.socketee.internal.engine;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * Generates session ids: 15 bytes from {@link SecureRandom}, base64url without padding, which is
 * exactly 20 URL-safe characters, the shape the reference server's ids have. Thread-safe.
 */
public final class SessionIds implements Supplier<String> {
    private final SecureRandom random = new SecureRandom();
    private final Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();

    @Override
    public String get() {
        byte[] bytes = new byte[15];
        random.nextBytes(bytes);
        return encoder.encodeToString(bytes);
    }
}
