/**
 * The server side of the official Socket.IO admin UI ({@code @socket.io/admin-ui} 0.5): its
 * namespace, authentication, reports and operations, fed by the Socket.IO layer's
 * {@link io.socketee.internal.sio.SioObserver}.
 */
package io.socketee.internal.admin;
