package io.socketee.it.model.app;

import io.socketee.RejectedException;
import io.socketee.middleware.Middleware;
import io.socketee.middleware.PacketContext;
import io.socketee.middleware.PacketMiddleware;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.Map;

/**
 * egg-socket.io's packet middleware: tells the client it got the packet, masks "secret" in
 * string arguments, drops "noise" silently and refuses an "exchange" without a target.
 * Stateless.
 */
@PacketMiddleware("filter")
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class FilterMiddleware {

    @AroundInvoke
    Object filter(InvocationContext ctx) throws Exception {
        PacketContext packet = Middleware.packet(ctx);
        packet.socket().emit("res", "packet received!");
        if (packet.event().equals("noise")) {
            return null; // dropped: not proceeding
        }
        if (packet.event().equals("exchange")
                && !(packet.args().isEmpty() ? null : packet.args().get(0) instanceof Map<?, ?> m && m.get("target") != null)) {
            throw new RejectedException("a target is required", Map.of("event", "exchange"));
        }
        Object[] masked = packet.args().stream().map(a -> a instanceof String s ? s.replace("secret", "***") : a).toArray();
        return Middleware.replace(ctx, packet.withArgs(masked));
    }
}
