/**
 * The public API of SocketEE: a Socket.IO server whose namespaces, sockets, rooms and broadcasts
 * behave like those of the Node.js reference server.
 *
 * <p>Start from {@link io.socketee.IoServer}, which the library exposes as an injectable CDI bean.
 * Every type here uses only JDK types, and each states its thread-safety.
 */
package io.socketee;
