/**
 * The cluster rules every cluster adapter shares, whatever its transport: the bookkeeping of
 * requests that wait for the other servers' answers and of broadcasts with acks
 * ({@code PendingRequests}), broadcast options on the wire ({@code WireOptions}) and the report
 * of a remote broadcast's acks ({@code RemoteAcks}).
 *
 * <p>Layer rule: nothing here touches Redis or a connection. Each class states its thread-safety.
 */
package io.socketee.internal.adapter.cluster;
