package io.socketee.middleware;

import io.socketee.DisconnectReason;
import io.socketee.Socket;
import jakarta.interceptor.InvocationContext;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Helpers for middleware interceptors: what the intercepted call is about, and how to pass a
 * changed packet on. Stateless and thread-safe.
 */
public final class Middleware {

    private Middleware() {
    }

    /**
     * The socket being admitted, in a {@link ConnectionMiddleware}; or the packet's socket.
     * @param ctx the middleware context
     * @return the socket being admitted, in a {@link ConnectionMiddleware}; or the packet's socket
     */
    public static Socket socket(InvocationContext ctx) {
        Object first = ctx.getParameters()[0];
        return first instanceof PacketContext p ? p.socket() : (Socket) first;
    }

    /**
     * The packet, in a {@link PacketMiddleware}.
     * @param ctx the middleware context
     * @return the packet, in a {@link PacketMiddleware}
     */
    public static PacketContext packet(InvocationContext ctx) {
        return (PacketContext) ctx.getParameters()[0];
    }

    /**
     * Passes {@code changed} on instead of the packet received, then proceeds.
     * @param ctx the middleware context
     * @param changed the packet to pass on
     * @return what the interceptor must return
     * @throws Exception what the rest of the chain throws
     */
    public static Object replace(InvocationContext ctx, PacketContext changed) throws Exception {
        Object[] params = ctx.getParameters().clone();
        params[0] = changed;
        ctx.setParameters(params);
        return ctx.proceed();
    }

    /**
     * Admits the socket (proceeds) and runs {@code after} once it has left, with the reason: egg's
     * code after {@code await next()}. Returns what the interceptor must return.
     * @param ctx the middleware context
     * @param after runs once the socket has left, with the reason
     * @return what the interceptor must return
     * @throws Exception what the rest of the chain throws
     */
    @SuppressWarnings("unchecked")
    public static Object afterLeaving(InvocationContext ctx, Consumer<DisconnectReason> after) throws Exception {
        CompletionStage<DisconnectReason> left = (CompletionStage<DisconnectReason>) ctx.proceed();
        return left.thenApply(reason -> {
            after.accept(reason);
            return reason;
        });
    }
}
