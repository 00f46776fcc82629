package io.socketee.demo.chat;

/**
 * The {@code message} event every member of a channel receives, the sender included; the page
 * styles a line as its own when {@code id} is its socket id. Immutable.
 *
 * @param nickname who said it
 * @param type always {@code "message"}
 * @param message the text
 * @param id the socket id of who said it
 */
public record ChatLine(String nickname, String type, String message, String id) {
}
