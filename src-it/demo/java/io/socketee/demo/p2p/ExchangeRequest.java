package io.socketee.demo.p2p;

/**
 * What a client sends with {@code exchange}: {@code {target, payload}}. Immutable.
 *
 * @param target the socket id to deliver to
 * @param payload anything JSON
 */
public record ExchangeRequest(String target, Object payload) {
}
