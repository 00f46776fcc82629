package io.socketee.it.hooks.app;

import io.socketee.AsyncAllowRequest;
import io.socketee.ConnectionRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The Socket.IO server's handshake check, decided later, as a call to another service would be:
 * 300 ms after the request, a query with {@code deny} is refused with "denied later", anything
 * else allowed. Stateless and thread-safe.
 */
@ApplicationScoped
public class LaterCheck implements AsyncAllowRequest {

    @Override
    public CompletionStage<Optional<String>> refuse(ConnectionRequest request) {
        boolean deny = request.query().containsKey("deny");
        return CompletableFuture.supplyAsync(() -> deny ? Optional.of("denied later") : Optional.<String>empty(),
                CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
    }
}
