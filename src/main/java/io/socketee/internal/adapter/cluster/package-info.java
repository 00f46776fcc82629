/**
 * The cluster rules, whatever the transport. {@code ClusterAdapter} holds the rules of
 * socket.io-adapter's {@code ClusterAdapter} over its messages ({@code ClusterMessage},
 * {@code MessageType}); the Streams adapter is a thin transport under it. Every cluster adapter,
 * the classic one included, shares the bookkeeping of
 * requests that wait for the other servers' answers and of broadcasts with acks
 * ({@code PendingRequests}), broadcast options on the wire ({@code WireOptions}) and the report
 * of a remote broadcast's acks ({@code RemoteAcks}).
 *
 * <p>Layer rule: nothing here touches Redis or a connection. Each class states its thread-safety.
 */
package io.socketee.internal.adapter.cluster;
