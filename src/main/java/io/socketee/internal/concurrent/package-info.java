/**
 * Concurrency building blocks shared by the layers above the codecs: the
 * {@link io.socketee.internal.concurrent.SerialExecutor} that runs one connection's work in
 * order over a shared pool, used by the Socket.IO layer and by the raw Engine.IO bootstrap.
 *
 * <p>Layer rule: depends on the JDK only, never on another SocketEE package (checked by
 * {@code ArchitectureTest}). Every class here is thread-safe.
 */
package io.socketee.internal.concurrent;
