package io.socketee.demo.chat;

import io.socketee.IoException;
import io.socketee.IoServer;
import io.socketee.Socket;
import io.socketee.event.IoNamespace;
import io.socketee.event.OnDisconnect;
import io.socketee.event.OnEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The chat room of the ThinkJS seed, one Socket.IO room per channel: {@code room} enters a
 * channel under a nickname (the others hear {@code room {type:"in"}}), {@code message} goes to
 * everyone in the channel, the sender included, and leaving tells the others
 * {@code room {type:"out"}}. Where the seed kept nicknames in a global map, each socket keeps its
 * own in {@link Socket#data()}.
 *
 * <p>Stateless; thread-safe (SocketEE calls the handlers of one socket one at a time).
 */
@ApplicationScoped
@IoNamespace(ChatController.NAMESPACE)
public class ChatController {
    /** The namespace of the chat. */
    public static final String NAMESPACE = "/chat";
    /** The channel of a client that names none. */
    public static final String DEFAULT_CHANNEL = "lobby";
    static final int MAX_MESSAGE = 500;

    @Inject
    IoServer io;

    /** Enters a channel (leaving the previous one, if any); answers the channel entered. */
    String room(@Observes @OnEvent("room") Join join, Socket socket) {
        Member member = Member.of(join);
        member.storeOn(socket).ifPresent(old -> leave(socket, old));
        socket.join(member.channel());
        socket.to(member.channel()).emit("room", new RoomNotice(member.nickname(), "in", socket.id(), member.channel()));
        return member.channel();
    }

    /** Sends a line to everyone in the sender's channel, the sender included. */
    void message(@Observes @OnEvent("message") Said said, Socket socket) {
        Member member = Member.of(socket).orElseThrow(() -> new IoException("enter a channel first"));
        String text = said == null || said.message() == null ? "" : said.message().strip();
        if (text.isEmpty() || text.length() > MAX_MESSAGE) {
            throw new IoException("a message has 1 to " + MAX_MESSAGE + " characters");
        }
        io.of(NAMESPACE).to(member.channel())
                .emit("message", new ChatLine(member.nickname(), "message", text, socket.id()));
    }

    /** Tells the channel that a member who entered one left (the socket has left its rooms). */
    void left(@Observes @OnDisconnect Socket socket) {
        Member.of(socket).ifPresent(member -> tellLeft(socket, member));
    }

    private void leave(Socket socket, Member member) {
        socket.leave(member.channel());
        tellLeft(socket, member);
    }

    private void tellLeft(Socket socket, Member member) {
        io.of(NAMESPACE).to(member.channel())
                .emit("room", new RoomNotice(member.nickname(), "out", socket.id(), member.channel()));
    }
}
