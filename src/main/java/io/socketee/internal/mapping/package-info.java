/**
 * Application values to and from the codec's {@link io.socketee.internal.protocol.json.Json}:
 * {@link io.socketee.internal.mapping.JsonMapper}, direct for plain values and through JSON-B for
 * the rest. Shared by the Socket.IO layer (event arguments, acknowledgements) and the Redis
 * emitter, which runs without a server.
 *
 * <p>Layer rule: depends only on the codec ({@code internal.protocol}), the public exception root
 * and JSON-B (checked by {@code ArchitectureTest}). Thread-safe.
 */
package io.socketee.internal.mapping;
