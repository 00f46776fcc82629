package io.socketee.demo.chat;

/**
 * What a client sends with the {@code room} event to enter a channel (ThinkJS's {@code roomAction}).
 * Immutable.
 *
 * @param nickname how the others see the user
 * @param channel the channel to enter; blank means {@value ChatController#DEFAULT_CHANNEL}
 */
public record Join(String nickname, String channel) {
}
