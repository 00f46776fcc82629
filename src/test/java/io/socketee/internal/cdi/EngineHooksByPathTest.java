package io.socketee.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.AllowRequest;
import io.socketee.AsyncAllowRequest;
import io.socketee.ConnectionRequest;
import io.socketee.ResponseHeaders;
import io.socketee.engine.EngineIoEndpoint;
import io.socketee.engine.EngineIoHandler;
import io.socketee.internal.engine.EngineOptions;
import io.socketee.internal.engine.HandshakeRequest;
import io.socketee.internal.transport.Requests;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The application's hooks go to the engine of the path they name, and its endpoint settings to its engine. */
class EngineHooksByPathTest {

    private static final HandshakeRequest REQUEST = Requests.of("/x/", "EIO=4&transport=polling", Map.of(), "", false, null);

    static final class RawAllow implements AllowRequest {
        @Override
        public Optional<String> refuse(ConnectionRequest request) {
            return Optional.of("raw");
        }

        @Override
        public String path() {
            return "/engine.io/";
        }
    }

    static final class SioAsync implements AsyncAllowRequest {
        @Override
        public java.util.concurrent.CompletionStage<Optional<String>> refuse(ConnectionRequest request) {
            return CompletableFuture.completedFuture(Optional.of("sio"));
        }
    }

    static final class Lb implements ResponseHeaders {
        @Override
        public void initialHeaders(ConnectionRequest request, Map<String, String> headers) {
            headers.put("Set-Cookie", "lb=1");
        }

        @Override
        public void headers(ConnectionRequest request, Map<String, String> headers) {
            headers.put("X-Seen", headers.containsKey("Set-Cookie") ? "after-initial" : "alone");
        }
    }

    private static String verdict(EngineOptions o) {
        return o.verifier().check(REQUEST).toCompletableFuture().join().orElse("allowed");
    }

    @Test
    void eachCheckGuardsThePathItNamesAndTheDefaultIsTheSocketIoServer() {
        EngineHooks hooks = EngineHooks.of(List.of(new RawAllow()), List.of(new SioAsync()), List.of());
        assertEquals("sio", verdict(hooks.apply("", EngineOptions.DEFAULTS)));
        assertEquals("raw", verdict(hooks.apply("/engine.io", EngineOptions.DEFAULTS)));
        assertEquals("allowed", verdict(hooks.apply("/other", EngineOptions.DEFAULTS)));
        assertEquals(List.of(), hooks.unservedPaths(Set.of("/engine.io")));
        assertTrue(hooks.unservedPaths(Set.of("/eio")).get(0).startsWith("SOCKETEE-BOOT-013"));
    }

    @Test
    void twoChecksForOnePathFailTheDeployment() {
        AllowRequest sync = r -> Optional.empty();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> EngineHooks.of(List.of(sync), List.of(new SioAsync()), List.of()));
        assertTrue(e.getMessage().startsWith("SOCKETEE-BOOT-012"), e.getMessage());
    }

    @Test
    void responseHeadersRunInitialHeadersOnAHandshakeThenHeaders() {
        EngineHooks hooks = EngineHooks.of(List.of(), List.of(), List.of(new Lb()));
        EngineOptions o = hooks.apply("", EngineOptions.DEFAULTS);
        Map<String, String> handshake = new LinkedHashMap<>();
        o.headerHook().add(REQUEST, true, handshake);
        assertEquals(Map.of("Set-Cookie", "lb=1", "X-Seen", "after-initial"), handshake);
        Map<String, String> later = new LinkedHashMap<>();
        o.headerHook().add(REQUEST, false, later);
        assertEquals(Map.of("X-Seen", "alone"), later);
        assertSame(EngineOptions.HeaderHook.NONE, hooks.apply("/engine.io", EngineOptions.DEFAULTS).headerHook());
    }

    @EngineIoEndpoint(value = "/eio", pingInterval = 5000, maxHttpBufferSize = 100, transports = "websocket")
    static final class Tuned implements EngineIoHandler {
    }

    @EngineIoEndpoint(value = "/eio", pingTimeout = -1, transports = "carrier-pigeon")
    static final class Wrong implements EngineIoHandler {
    }

    @Test
    void anEndpointsAttributesOverrideTheSharedSettingsAndBadOnesAreReported() {
        EngineOptions o = EndpointOptions.apply(Tuned.class.getAnnotation(EngineIoEndpoint.class), EngineOptions.DEFAULTS);
        assertEquals(Duration.ofMillis(5000), o.pingInterval());
        assertEquals(EngineOptions.DEFAULTS.pingTimeout(), o.pingTimeout());
        assertEquals(100, o.maxHttpBufferSize());
        assertEquals(List.of("websocket"), o.transports());
        assertEquals(List.of(), EndpointOptions.problems(Tuned.class, Tuned.class.getAnnotation(EngineIoEndpoint.class)));
        List<String> problems = EndpointOptions.problems(Wrong.class, Wrong.class.getAnnotation(EngineIoEndpoint.class));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.stream().allMatch(p -> p.startsWith("SOCKETEE-BOOT-014")), problems.toString());
    }
}
