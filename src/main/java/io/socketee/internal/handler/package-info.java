/**
 * Handlers (controllers) found at deployment: how their parameters are resolved, and how they are
 * installed on the server and called, with no CDI lookup per packet.
 *
 * <p>Layer rule: it may not use the Socket.IO layer, the engine, the transports or the bootstrap,
 * which connects them (checked by {@code ArchitectureTest}); today it uses the public API alone.
 */
package io.socketee.internal.handler;
