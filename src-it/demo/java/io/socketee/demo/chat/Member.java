package io.socketee.demo.chat;

import io.socketee.IoException;
import io.socketee.Socket;
import java.util.Optional;

/**
 * A chat member as kept in its socket's {@link Socket#data()}: its nickname and channel.
 * Immutable; the data map it is stored in is the socket's own (thread-safe).
 *
 * @param nickname the nickname, trimmed, at most {@value #MAX_NICKNAME} characters
 * @param channel the channel, trimmed, at most {@value #MAX_CHANNEL} characters
 */
public record Member(String nickname, String channel) {
    static final int MAX_NICKNAME = 32;
    static final int MAX_CHANNEL = 32;
    private static final String KEY = "chat.member";

    /** Validates what a client sent with {@code room}; an {@link IoException} answers its ack. */
    static Member of(Join join) {
        String nickname = join == null || join.nickname() == null ? "" : join.nickname().strip();
        String channel = join == null || join.channel() == null || join.channel().isBlank()
                ? ChatController.DEFAULT_CHANNEL : join.channel().strip();
        if (nickname.isEmpty() || nickname.length() > MAX_NICKNAME) {
            throw new IoException("a nickname of 1 to " + MAX_NICKNAME + " characters is needed");
        }
        if (channel.length() > MAX_CHANNEL) {
            throw new IoException("a channel name has at most " + MAX_CHANNEL + " characters");
        }
        return new Member(nickname, channel);
    }

    /** The member a socket has become, if it entered a channel. */
    static Optional<Member> of(Socket socket) {
        return socket.data().get(KEY) instanceof Member m ? Optional.of(m) : Optional.empty();
    }

    /** Records this member on the socket, returning the one it replaces, if any. */
    Optional<Member> storeOn(Socket socket) {
        return socket.data().put(KEY, this) instanceof Member old ? Optional.of(old) : Optional.empty();
    }
}
