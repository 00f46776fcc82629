package io.socketee.internal.cdi;

import io.socketee.internal.concurrent.HandlerScope;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A CDI request context around each unit of a client's work (one packet, one lifecycle change,
 * one acknowledgement timeout), so that {@code @RequestScoped} beans work in handlers and
 * listeners, one instance per unit, destroyed after it. When the thread already has a request
 * context active (a handler run inline on a servlet request with {@code socketio.inlineHandlers}),
 * the unit runs in that one.
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
    private final Queue<Instance.Handle<RequestContextController>> idle = new ConcurrentLinkedQueue<>();
    private volatile boolean released;

    PacketRequestContext(Instance<RequestContextController> controllers) {
        this.controllers = controllers;
    }

    @Override
    public void run(Runnable unit) {
        Instance.Handle<RequestContextController> handle = idle.poll();
        if (handle == null) {
            handle = controllers.getHandle();
        }
        try {
            RequestContextController controller = handle.get();
            boolean activated = controller.activate();
            try {
                unit.run();
            } finally {
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
