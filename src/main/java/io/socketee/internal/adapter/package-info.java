/**
 * The adapter boundary: the one owner of room membership in a namespace, and the path every
 * broadcast takes. {@link io.socketee.internal.adapter.memory} holds the single-server adapter.
 */
package io.socketee.internal.adapter;
