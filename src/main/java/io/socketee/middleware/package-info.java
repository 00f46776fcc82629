/**
 * Middleware as CDI interceptors, egg-socket.io style: {@link io.socketee.middleware.ConnectionMiddleware}
 * around the admission of a socket, {@link io.socketee.middleware.PacketMiddleware} around the
 * dispatch of each packet, chosen per namespace by name in configuration and ordered by
 * {@code @Priority}.
 */
package io.socketee.middleware;
