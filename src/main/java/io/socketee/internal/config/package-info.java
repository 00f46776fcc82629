/**
 * Configuration: {@link io.socketee.internal.config.ConfigKeys} declares every MicroProfile
 * Config key once, with its default, and {@link io.socketee.internal.config.SocketIoConfig} reads
 * them once at start and reports every bad value at once.
 *
 * <p>Layer rule: it builds the engine's options, and uses nothing of the transports, the
 * Socket.IO layer or the bootstrap (checked by {@code ArchitectureTest}). Its values are
 * immutable and thread-safe.
 */
package io.socketee.internal.config;
