package io.socketee.internal.handler;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks that span several handlers (the per-method checks are in {@link HandlerMethod#read}).
 * Immutable; thread-safe.
 */
public final class HandlerRules {
    private final List<HandlerMethod> handlers;

    public HandlerRules(List<HandlerMethod> handlers) {
        this.handlers = List.copyOf(handlers);
    }

    /** Every problem found, with stable ids; empty when the handlers are fine. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (HandlerMethod h : handlers) {
            if (!h.isStatic() && java.lang.reflect.Modifier.isFinal(h.method().getModifiers())) {
                problems.add("SOCKETEE-HANDLER-005 " + h.describe()
                        + ": a handler may not be final (a normal-scoped bean's proxy could not call it)");
            }
        }
        return problems;
    }
}
