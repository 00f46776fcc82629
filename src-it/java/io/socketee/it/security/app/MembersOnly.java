package io.socketee.it.security.app;

import io.socketee.RejectedException;
import io.socketee.Socket;
import io.socketee.middleware.ConnectionMiddleware;
import io.socketee.middleware.Middleware;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.security.Principal;

/**
 * Connection middleware of "/members" (configured in it-security/microprofile-config.properties):
 * admits a socket only if the container's authenticated caller was in role "chat" at handshake,
 * and refuses others with their name in the message.
 *
 * <p>Stateless; thread-safe.
 */
@ConnectionMiddleware("members")
@Interceptor
@Priority(Interceptor.Priority.APPLICATION + 100)
public class MembersOnly {

    @AroundInvoke
    Object admit(InvocationContext ctx) throws Exception {
        Socket socket = Middleware.socket(ctx);
        if (!socket.handshake().isUserInRole("chat")) {
            throw new RejectedException(socket.handshake().principal().map(Principal::getName).orElse("nobody")
                    + " is not in role chat");
        }
        return ctx.proceed();
    }
}
