/**
 * Handlers as CDI observers: the qualifiers {@link io.socketee.event.OnEvent},
 * {@link io.socketee.event.OnConnect}, {@link io.socketee.event.OnDisconnecting},
 * {@link io.socketee.event.OnDisconnect}, {@link io.socketee.event.OnError}, the namespace
 * selector {@link io.socketee.event.IoNamespace}, and the {@link io.socketee.event.SocketEvent}
 * they observe. The qualifiers are for handlers' {@code @Observes} parameters only: SocketEE
 * calls handlers itself, and a CDI event fired with them reaches none.
 */
package io.socketee.event;
