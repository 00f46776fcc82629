package io.socketee.it.model.app;

import io.socketee.ConnectionRequest;
import io.socketee.IdGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * egg's generateId: ids start with the client's {@code idprefix} query parameter (3 characters),
 * padded with random URL-safe characters to 20. Thread-safe.
 */
@ApplicationScoped
public class PrefixedIds implements IdGenerator {
    private final SecureRandom random = new SecureRandom();

    @Override
    public String generateId(ConnectionRequest request) {
        byte[] bytes = new byte[15];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String prefix = request.query().getOrDefault("idprefix", "");
        return prefix.matches("[A-Za-z0-9]{3}") ? prefix + id.substring(3) : id;
    }
}
