/** The in-memory adapter: rooms and broadcasts of a single server. */
package io.socketee.internal.adapter.memory;
