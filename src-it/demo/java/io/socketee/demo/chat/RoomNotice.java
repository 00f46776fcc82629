package io.socketee.demo.chat;

/**
 * The {@code room} event the others of a channel receive when someone enters ({@code type "in"})
 * or leaves ({@code type "out"}), as the ThinkJS seed sends it. Immutable.
 *
 * @param nickname who
 * @param type {@code "in"} or {@code "out"}
 * @param id the socket id of who
 * @param channel where
 */
public record RoomNotice(String nickname, String type, String id, String channel) {
}
