/**
 * The chat room example (seeds 002 and 004): nicknames, "joined"/"left" notices, messages to
 * everyone in a channel, in the namespace {@value io.socketee.demo.chat.ChatController#NAMESPACE}.
 */
package io.socketee.demo.chat;
