package io.socketee.it.model.app;

import io.socketee.middleware.Middleware;
import io.socketee.middleware.PacketMiddleware;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * The packet middleware of every workspace, chosen in configuration
 * ({@code socketio.dynamicNamespace.workspaces.packetMiddleware}): counts each packet of a socket
 * in its {@code data()}, handled or not, then lets it through. Stateless.
 */
@PacketMiddleware("workspaceStamp")
@Interceptor
@Priority(Interceptor.Priority.APPLICATION + 200)
public class WorkspaceStamp {

    @AroundInvoke
    Object stamp(InvocationContext ctx) throws Exception {
        Middleware.packet(ctx).socket().data().merge("packets", 1, (a, b) -> (Integer) a + (Integer) b);
        return ctx.proceed();
    }
}
