/**
 * Middleware as CDI interceptors, egg-socket.io style: {@link io.socketee.middleware.ConnectionMiddleware}
 * around the admission of a socket, {@link io.socketee.middleware.PacketMiddleware} around the
 * dispatch of each packet, chosen per namespace by name in configuration and ordered by
 * {@code @Priority}. {@link io.socketee.middleware.Middleware} holds the helpers such an
 * interceptor calls. The programmatic form of connection middleware is a
 * {@link io.socketee.Namespace.ConnectionCheck} given to {@link io.socketee.Namespace#use}.
 */
package io.socketee.middleware;
