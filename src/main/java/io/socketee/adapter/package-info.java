/**
 * The adapter SPI: how a namespace's rooms and broadcasts reach its sockets, on one server or
 * across a cluster. {@link io.socketee.adapter.Adapter} is the one owner of a namespace's room
 * membership; {@link io.socketee.adapter.AdapterFactory} makes one per namespace (the server's
 * in-memory adapter by default, the Redis adapter with {@code socketio.adapter=redis}, or an
 * application's own {@code AdapterFactory} bean); {@link io.socketee.adapter.AdapterHost} is what
 * an adapter may ask of its namespace; {@link io.socketee.adapter.ForwardingAdapter} is the base
 * of an adapter that changes some operations of another.
 *
 * <p>Applications that only emit never need this package: {@link io.socketee.IoServer} and
 * {@link io.socketee.Namespace} use the adapter for them.
 */
package io.socketee.adapter;
