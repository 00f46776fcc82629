package io.socketee.internal.cdi;

import io.socketee.internal.concurrent.HandlerScope;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A CDI request context around each unit of a client's work (one packet, one lifecycle change,
 * one acknowledgement timeout), so that {@code @RequestScoped} beans work in handlers and
 * listeners, one instance per unit, destroyed after it. When the thread already has a request
 * context active, a unit inside another unit runs in that one, and so does a unit run inline on a
 * servlet request ({@code socketio.inlineHandlers}: no {@link LeftoverRequestContext} is given).
 * Otherwise a unit runs on a pooled executor thread, where an active context can only be one the
 * container left behind: it is ended ({@link LeftoverRequestContext}) and the unit gets its own.
 *
 * <p>Getting a {@link RequestContextController} costs far more than using one (on Open Liberty
 * about ten times the activation and deactivation together), so the controllers are pooled: a
 * unit takes an idle one, or a new one when all are in use, activates and deactivates it on its
 * own thread, and gives it back. {@link #release()} destroys them when the application stops.
 *
 * <p>Thread-safe: a controller is used by one unit at a time; the pool is a concurrent queue.
 */
final class PacketRequestContext implements HandlerScope {
    private final Instance<RequestContextController> controllers;
    private final Optional<LeftoverRequestContext> leftovers;
    private final Queue<Instance.Handle<RequestContextController>> idle = new ConcurrentLinkedQueue<>();
    /**
     * How many units run on a thread now: a unit inside another keeps the context it finds. A
     * counter made once per thread and kept, so that a unit costs one thread-local read instead of
     * a write and a removal (about 1% of the server's CPU samples in the S1 echo benchmark on Open
     * Liberty). It holds only an {@code int[]}, so a container thread that outlives the application
     * keeps nothing of its classes.
     */
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
    private volatile boolean released;

    /** Units that run in whatever request context they find active (inline handlers). */
    PacketRequestContext(Instance<RequestContextController> controllers) {
        this(controllers, Optional.empty());
    }

    /**
     * @param leftovers ends a context found active on a thread outside any unit, when units run on
     *     pooled executor threads only; empty when they may run on a servlet request's thread
     */
    PacketRequestContext(Instance<RequestContextController> controllers, Optional<LeftoverRequestContext> leftovers) {
        this.controllers = controllers;
        this.leftovers = leftovers;
    }

    @Override
    public void run(Runnable unit) {
        Instance.Handle<RequestContextController> handle = idle.poll();
        if (handle == null) {
            handle = controllers.getHandle();
        }
        int[] units = depth.get();
        boolean outermost = units[0] == 0;
        try {
            RequestContextController controller = handle.get();
            boolean activated = controller.activate();
            if (!activated && outermost && leftovers.isPresent() && leftovers.get().end()) {
                activated = controller.activate();
            }
            units[0]++;
            try {
                unit.run();
            } finally {
                units[0]--;
                if (activated) {
                    controller.deactivate();
                }
            }
        } finally {
            giveBack(handle);
        }
    }

    /** Destroys the idle controllers; one in use now is destroyed when its unit ends. */
    void release() {
        released = true;
        for (Instance.Handle<RequestContextController> handle = idle.poll(); handle != null; handle = idle.poll()) {
            handle.close();
        }
    }

    private void giveBack(Instance.Handle<RequestContextController> handle) {
        if (released) {
            handle.close();
        } else {
            idle.offer(handle);
        }
    }
}
