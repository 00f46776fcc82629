/**
 * Long-polling over the Servlet API: {@link io.socketee.internal.transport.polling.PollingServlet}
 * at the engine path hands each request to the engine as a
 * {@link io.socketee.internal.transport.polling.ServletExchange}, suspending a pending GET with
 * the Servlet async API so that no container thread waits for it, and serves the browser client
 * bundle beside it.
 *
 * <p>Layer rule: uses the engine only (checked by {@code ArchitectureTest}). Thread-safe.
 */
package io.socketee.internal.transport.polling;
