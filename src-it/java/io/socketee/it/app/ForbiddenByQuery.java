package io.socketee.it.app;

import io.socketee.AllowRequest;
import io.socketee.ConnectionRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The contract's handshake rule, as the reference contract server's {@code allowRequest}: a
 * handshake whose query has {@code forbidden} is refused with "forbidden by test".
 *
 * <p>Stateless and thread-safe.
 */
@ApplicationScoped
public class ForbiddenByQuery implements AllowRequest {
    @Override
    public Optional<String> refuse(ConnectionRequest request) {
        return request.query().containsKey("forbidden") ? Optional.of("forbidden by test") : Optional.empty();
    }
}
