package io.socketee.demo.chat;

/**
 * What a client sends with the {@code message} event. Immutable.
 *
 * @param message the text
 */
public record Said(String message) {
}
