package io.socketee.internal.cdi;

import java.util.function.BooleanSupplier;

/**
 * Whether this application's SocketEE reaches its cluster, as a plain object the readiness check
 * holds directly (not through a CDI proxy), so a check that outlives its application (WildFly
 * was seen keeping one across a redeployment) still answers instead of failing.
 *
 * <p>Thread-safe: volatile fields.
 */
final class ClusterStatus {
    private volatile BooleanSupplier link = () -> true;
    private volatile boolean stopped;

    /** Follows the Redis subscriber's state from now on. */
    void link(BooleanSupplier connected) {
        this.link = connected;
    }

    /** The application stopped: its check has nothing left to report. */
    void stopped() {
        stopped = true;
    }

    boolean isStopped() {
        return stopped;
    }

    /** True with the in-memory adapter; with Redis, while subscribed. */
    boolean reachable() {
        return link.getAsBoolean();
    }
}
