package ${package};

import io.socketee.IoServer;
import io.socketee.Socket;
import io.socketee.event.IoNamespace;
import io.socketee.event.OnDisconnect;
import io.socketee.event.OnEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The chat of namespace /chat: "join" enters a room (leaving the previous one) and answers its
 * name, "message" goes to everyone in the sender's room, the sender included. The others in a
 * room hear "joined" and "left". The nickname comes from {@link NicknameMiddleware}.
 *
 * <p>Stateless; thread-safe (SocketEE calls the handlers of one socket one at a time).
 */
@ApplicationScoped
@IoNamespace("/chat")
public class ChatHandlers {
    static final String ROOM = "room";

    @Inject
    IoServer io;

    /** Enters {@code room}; the return value answers the client's acknowledgement. */
    String join(@Observes @OnEvent("join") String room, Socket socket) {
        String name = room == null || room.isBlank() ? "lobby" : room.strip();
        Object previous = socket.data().put(ROOM, name);
        if (previous instanceof String old && !old.equals(name)) {
            socket.leave(old);
            socket.to(old).emit("left", NicknameMiddleware.nickname(socket));
        }
        socket.join(name);
        socket.to(name).emit("joined", NicknameMiddleware.nickname(socket));
        return name;
    }

    /** Sends {@code text} to the sender's room. */
    void message(@Observes @OnEvent("message") String text, Socket socket) {
        if (socket.data().get(ROOM) instanceof String room && text != null && !text.isBlank()) {
            io.of("/chat").to(room).emit("message", new Line(NicknameMiddleware.nickname(socket), text.strip()));
        }
    }

    /** Tells the room that its member left. */
    void left(@Observes @OnDisconnect Socket socket) {
        if (socket.data().get(ROOM) instanceof String room) {
            io.of("/chat").to(room).emit("left", NicknameMiddleware.nickname(socket));
        }
    }

    /** One chat line, sent as {@code {"nickname": ..., "text": ...}}. */
    public record Line(String nickname, String text) {
    }
}
