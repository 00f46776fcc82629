/**
 * The public API of SocketEE: a Socket.IO server whose namespaces, sockets, rooms and broadcasts
 * behave like those of the Node.js reference server.
 *
 * <p>Start from {@link io.socketee.IoServer}, which the library exposes as an injectable CDI bean.
 * Every type here names only JDK, Jakarta and SocketEE API types, never an {@code internal} one
 * (checked by {@code ArchitectureTest}), and each states its thread-safety.
 */
package io.socketee;
