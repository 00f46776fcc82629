package io.socketee.it.hooks.app;

import io.socketee.AllowRequest;
import io.socketee.ConnectionRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The handshake check of the /traced endpoint only: refuses a query with {@code noentry}.
 * Stateless and thread-safe.
 */
@ApplicationScoped
public class TracedCheck implements AllowRequest {

    @Override
    public Optional<String> refuse(ConnectionRequest request) {
        return request.query().containsKey("noentry") ? Optional.of("not at /traced") : Optional.empty();
    }

    @Override
    public String path() {
        return "/traced";
    }
}
