package io.socketee.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.Handshake;
import io.socketee.RejectedException;
import io.socketee.event.OnEvent;
import io.socketee.middleware.ConnectionMiddleware;
import io.socketee.middleware.Middleware;
import io.socketee.internal.engine.Caller;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The container's authenticated caller of a connection, in connection middleware and handlers:
 * {@code Handshake.principal()} and {@code Handshake.isUserInRole}.
 */
class CdiPrincipalTest {
    private static final Principal ANN = () -> "ann";

    private final CdiFixture cdi = CdiFixture.boot(Map.of(
            "socketio.namespaces", "/",
            "socketio.namespace./.connectionMiddleware", "signedIn"),
            SignedIn.class, WhoAmI.class);

    @AfterEach
    void stop() {
        cdi.close();
    }

    /** Admits only sockets whose connection the container authenticated. */
    @ConnectionMiddleware("signedIn")
    @Interceptor
    @Priority(100)
    public static class SignedIn {
        @AroundInvoke
        Object admit(InvocationContext ctx) throws Exception {
            if (Middleware.socket(ctx).handshake().principal().isEmpty()) {
                throw new RejectedException("not signed in");
            }
            return ctx.proceed();
        }
    }

    /** Answers with the caller's name and whether it is in the role asked about. */
    public static class WhoAmI {
        String whoami(@Observes @OnEvent("whoami") String role, Handshake handshake) {
            return handshake.principal().map(Principal::getName).orElse("nobody") + " " + handshake.isUserInRole(role);
        }
    }

    @Test
    void connectionMiddlewareRefusesAnAnonymousConnection() {
        assertEquals("4{\"message\":\"not signed in\"}", cdi.client().connect("/"));
    }

    @Test
    void handlersSeeThePrincipalAndTheRolesItHadAtHandshake() {
        WsClient client = cdi.client(new Caller(Optional.of(ANN), Set.of("chat")));
        assertTrue(client.connect("/").startsWith("0{\"sid\":"));
        client.send("21[\"whoami\",\"chat\"]");
        assertEquals("31[\"ann true\"]", client.next());
        client.send("22[\"whoami\",\"admin\"]");
        assertEquals("32[\"ann false\"]", client.next());
    }
}
