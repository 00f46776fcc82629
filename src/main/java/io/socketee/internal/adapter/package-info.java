/**
 * The server's side of the adapter SPI ({@link io.socketee.adapter}): {@link
 * io.socketee.internal.adapter.NamespaceHost}, the richer host the built-in adapters use, and
 * {@link io.socketee.internal.adapter.WirePacket}, the packet the server makes.
 * {@link io.socketee.internal.adapter.memory} holds the single-server adapter,
 * {@link io.socketee.internal.adapter.cluster} the rules every cluster adapter shares, and
 * {@link io.socketee.internal.adapter.redis} the Redis ones.
 */
package io.socketee.internal.adapter;
