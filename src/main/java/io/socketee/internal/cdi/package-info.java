/**
 * The bootstrap: the CDI extension that finds handlers at deployment, the servlet container
 * initializer that mounts the transports, the application-scoped runtime that reads the
 * configuration and owns the thread pools, the engines and the Socket.IO server, the middleware
 * chains, and the readiness check.
 *
 * <p>Layer rule: the top layer. It may use every other layer but the emitter, and no other
 * layer uses it (checked by {@code ArchitectureTest}). Each class states its thread-safety; the
 * runtime is thread-safe once started.
 */
package io.socketee.internal.cdi;
