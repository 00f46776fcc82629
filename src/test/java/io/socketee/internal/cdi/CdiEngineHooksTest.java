package io.socketee.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.AllowRequest;
import io.socketee.AsyncAllowRequest;
import io.socketee.ConnectionRequest;
import io.socketee.ResponseHeaders;
import io.socketee.internal.engine.HandshakeRequest;
import io.socketee.internal.transport.Requests;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** The application's engine hook beans, found by CDI and wired into the Socket.IO server's engine. */
class CdiEngineHooksTest {

    @ApplicationScoped
    public static class AsyncDeny implements AsyncAllowRequest {
        @Override
        public CompletionStage<Optional<String>> refuse(ConnectionRequest request) {
            return CompletableFuture.supplyAsync(() -> request.query().containsKey("deny")
                    ? Optional.of("denied") : Optional.<String>empty());
        }
    }

    @ApplicationScoped
    public static class SyncAllow implements AllowRequest {
        @Override
        public Optional<String> refuse(ConnectionRequest request) {
            return Optional.empty();
        }
    }

    @ApplicationScoped
    public static class Affinity implements ResponseHeaders {
        @Override
        public void initialHeaders(ConnectionRequest request, Map<String, String> headers) {
            headers.put("Set-Cookie", "lb=a");
        }
    }

    private static HandshakeRequest upgrade(String query) {
        return Requests.of("/socket.io/", query, Map.of(), "127.0.0.1", false, null);
    }

    @Test
    void anAsyncCheckAndResponseHeadersBeansGuardAndDecorateTheSocketIoServer() {
        try (CdiFixture f = CdiFixture.boot(Map.of(), AsyncDeny.class, Affinity.class)) {
            var engine = f.runtime.engine();
            assertEquals(Optional.of("denied"), engine.refuseUpgrade(upgrade("EIO=4&transport=websocket&deny=1")));
            assertEquals(Optional.empty(), engine.refuseUpgrade(upgrade("EIO=4&transport=websocket")));
            assertEquals(Map.of("Set-Cookie", "lb=a"), engine.upgradeResponseHeaders(upgrade("EIO=4&transport=websocket")));
        }
    }

    @Test
    void twoChecksForTheSocketIoServerFailTheStart() {
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> CdiFixture.boot(Map.of(), AsyncDeny.class, SyncAllow.class).close());
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains("SOCKETEE-BOOT-012"), messages.toString());
    }
}
