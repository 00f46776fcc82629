package io.socketee.internal.sio;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Makes socket ids as the reference server does: 15 random bytes in URL-safe base64, 20
 * characters. Thread-safe.
 */
final class SocketIds {
    private final SecureRandom random = new SecureRandom();

    /** A new random id. */
    String next() {
        byte[] bytes = new byte[15];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
