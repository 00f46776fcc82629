package io.socketee.internal.cdi;

import io.socketee.internal.sio.HandlerScope;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;

/**
 * A CDI request context around each unit of a client's work (one packet, one lifecycle change,
 * one acknowledgement timeout), so that {@code @RequestScoped} beans work in handlers and
 * listeners, one instance per unit, destroyed after it. When the thread already has a request
 * context active (a handler run inline on a servlet request with {@code socketio.inlineHandlers}),
 * the unit runs in that one.
 *
 * <p>Thread-safe: every unit takes its own {@link RequestContextController}, which is
 * {@code @Dependent} and used on one thread only.
 */
final class PacketRequestContext implements HandlerScope {
    private final Instance<RequestContextController> controllers;

    PacketRequestContext(Instance<RequestContextController> controllers) {
        this.controllers = controllers;
    }

    @Override
    public void run(Runnable unit) {
        try (Instance.Handle<RequestContextController> handle = controllers.getHandle()) {
            RequestContextController controller = handle.get();
            boolean activated = controller.activate();
            try {
                unit.run();
            } finally {
                if (activated) {
                    controller.deactivate();
                }
            }
        }
    }
}
