package ${package};

import io.socketee.RejectedException;
import io.socketee.Socket;
import io.socketee.middleware.ConnectionMiddleware;
import io.socketee.middleware.Middleware;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.Map;

/**
 * Connection middleware, chosen for /chat in microprofile-config.properties: a client must send
 * a nickname in its auth payload ({@code io("/chat", {auth: {nickname: "ann"}})}), else it is
 * refused before it joins, with a CONNECT_ERROR the client sees as {@code err.message}.
 *
 * <p>Stateless; thread-safe.
 */
@ConnectionMiddleware("nickname")
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class NicknameMiddleware {
    static final String NICKNAME = "nickname";

    @AroundInvoke
    Object admit(InvocationContext ctx) throws Exception {
        Socket socket = Middleware.socket(ctx);
        Object nickname = socket.handshake().auth().get(NICKNAME);
        if (!(nickname instanceof String name) || name.isBlank() || name.length() > 32) {
            throw new RejectedException("a nickname of 1 to 32 characters is required", Map.of("field", NICKNAME));
        }
        socket.data().put(NICKNAME, name.strip());
        return ctx.proceed();
    }

    /** The nickname this middleware admitted {@code socket} with. */
    static String nickname(Socket socket) {
        return String.valueOf(socket.data().get(NICKNAME));
    }
}
