package io.socketee.it.model.app;

import io.socketee.RejectedException;
import io.socketee.Socket;
import io.socketee.middleware.ConnectionMiddleware;
import io.socketee.middleware.Middleware;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.Map;

/**
 * The connection middleware of every workspace, chosen in configuration
 * ({@code socketio.dynamicNamespace.workspaces.connectionMiddleware}): a client must bring the
 * member token in its auth, or is refused naming the workspace; once admitted, its departure is
 * noted after it leaves (the code after {@code next}).
 *
 * <p>Stateless apart from the injected roster; thread-safe.
 */
@ConnectionMiddleware("workspaceGuard")
@Interceptor
@Priority(Interceptor.Priority.APPLICATION + 200)
public class WorkspaceGuard {
    @Inject
    Roster roster;

    @AroundInvoke
    Object guard(InvocationContext ctx) throws Exception {
        Socket socket = Middleware.socket(ctx);
        String workspace = socket.namespace().name();
        if (!"member".equals(socket.handshake().auth().get("token"))) {
            throw new RejectedException("not a member", Map.of("workspace", workspace));
        }
        socket.data().put("packets", 0);
        return Middleware.afterLeaving(ctx, reason -> roster.left(socket.id(), "left " + workspace + " after "
                + reason.wireName()));
    }
}
