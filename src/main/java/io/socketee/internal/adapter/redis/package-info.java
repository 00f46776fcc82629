/**
 * The Redis wire format shared with Node's {@code @socket.io/redis-adapter} (classic protocol,
 * {@code createAdapter}) and {@code @socket.io/redis-emitter}: channel names, MessagePack as
 * notepack.io writes it, and every broadcast, request and response as a record. Pure: no Redis
 * client, threads or clock here; the adapter that publishes and subscribes builds on it.
 */
package io.socketee.internal.adapter.redis;
