package io.socketee.it.model.app;

import io.socketee.IoServer;
import io.socketee.RejectedException;
import io.socketee.RemoteSocket;
import io.socketee.Socket;
import io.socketee.middleware.ConnectionMiddleware;
import io.socketee.middleware.Middleware;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * egg-socket.io's example auth middleware: a client must name an existing room in its query, or
 * is refused with a "deleted" message; it then joins the room and the room hears the "online"
 * roster, on join and, after proceeding, on leave.
 *
 * <p>Stateless apart from injected beans; thread-safe.
 */
@ConnectionMiddleware("auth")
@Interceptor
@Priority(Interceptor.Priority.APPLICATION + 100)
public class AuthMiddleware {
    @Inject
    Rooms rooms;

    @Inject
    IoServer io;

    @AroundInvoke
    Object auth(InvocationContext ctx) throws Exception {
        Socket socket = Middleware.socket(ctx);
        socket.data().merge("chain", "auth", (a, b) -> a + "," + b);
        String room = socket.handshake().query().get("room");
        if (room == null || !rooms.exists(room)) {
            throw new RejectedException("deleted, room has been deleted.", Map.of("type", "deleted"));
        }
        socket.join(room);
        roster(socket, room, "join");
        return Middleware.afterLeaving(ctx, reason -> roster(socket, room, "leave"));
    }

    private void roster(Socket socket, String room, String action) {
        io.of("/egg").in(room).fetchSockets().thenAccept(found -> {
            List<String> clients = new ArrayList<>(found.stream().map(RemoteSocket::id).toList());
            if (action.equals("join") && !clients.contains(socket.id())) {
                clients.add(socket.id());
            }
            Map<String, Object> msg = new LinkedHashMap<>();
            msg.put("clients", clients);
            msg.put("action", action);
            msg.put("target", "participator");
            msg.put("message", "User(" + socket.id() + ") " + (action.equals("join") ? "joined." : "leaved."));
            io.of("/egg").to(room).emit("online", msg);
        });
    }
}
