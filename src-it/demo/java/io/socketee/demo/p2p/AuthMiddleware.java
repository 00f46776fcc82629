package io.socketee.demo.p2p;

import io.socketee.RejectedException;
import io.socketee.Socket;
import io.socketee.demo.envelope.Action;
import io.socketee.demo.envelope.Envelope;
import io.socketee.middleware.ConnectionMiddleware;
import io.socketee.middleware.Middleware;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.Map;

/**
 * egg's {@code auth} connection middleware of the P2P example, chosen for the namespace in
 * configuration ({@code socketio.namespace./p2p.connectionMiddleware=auth}): the room named in
 * the handshake query must exist in the {@link RoomRegistry}. Otherwise the client is refused
 * before it joins, with a CONNECT_ERROR whose message is the seed's and whose data is the seed's
 * {@code deny} envelope ({@code payload {type:"deleted", message}}); egg admits first and then
 * kicks, SocketEE's middleware run before the CONNECT answer (as socket.io 4's {@code io.use}).
 *
 * <p>Stateless apart from injected beans; thread-safe.
 */
@ConnectionMiddleware("auth")
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AuthMiddleware {
    static final String DELETED = "deleted, room has been deleted.";

    @Inject
    RoomRegistry rooms;

    @AroundInvoke
    Object auth(InvocationContext ctx) throws Exception {
        Socket socket = Middleware.socket(ctx);
        String room = socket.handshake().query().get("room");
        if (!rooms.exists(room)) {
            Map<String, String> why = Map.of("type", "deleted", "message", DELETED);
            throw new RejectedException(DELETED,
                    Envelope.parseMsg(Action.DENY, why, socket.id(), socket.id(), System.currentTimeMillis()));
        }
        Admission.record(socket, room);
        return ctx.proceed();
    }
}
