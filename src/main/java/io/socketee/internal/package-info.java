/**
 * SocketEE's implementation, not API: nothing under {@code io.socketee.internal} is named by a
 * public signature of the API packages, and any of it may change in any release. Its layers, from
 * the bottom: {@code protocol} and {@code concurrent}; {@code mapping}, {@code engine} and
 * {@code adapter}; {@code transport}, {@code sio}, {@code handler} and {@code config}; and
 * {@code cdi}, the bootstrap. Dependencies point down only (docs/architecture.md, checked by
 * {@code ArchitectureTest}).
 */
package io.socketee.internal;
