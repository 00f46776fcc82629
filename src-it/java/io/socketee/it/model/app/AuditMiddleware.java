package io.socketee.it.model.app;

import io.socketee.middleware.ConnectionMiddleware;
import io.socketee.middleware.Middleware;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Records that it ran, to show that middleware run by @Priority (before "auth"). Stateless. */
@ConnectionMiddleware("audit")
@Interceptor
@Priority(Interceptor.Priority.APPLICATION + 50)
public class AuditMiddleware {

    @AroundInvoke
    Object audit(InvocationContext ctx) throws Exception {
        Middleware.socket(ctx).data().merge("chain", "audit", (a, b) -> a + "," + b);
        return ctx.proceed();
    }
}
