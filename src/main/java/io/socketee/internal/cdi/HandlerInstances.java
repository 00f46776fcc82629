package io.socketee.internal.cdi;

import io.socketee.internal.handler.HandlerMethod;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The bean instances handlers are called on: one contextual reference per bean class, obtained
 * once when the handlers are installed (a client proxy for normal-scoped beans, one instance kept
 * for the application's life for {@code @Dependent} ones), released by {@link #release()}.
 *
 * <p>Thread-safe.
 */
final class HandlerInstances implements Function<HandlerMethod, Object> {
    private final BeanManager beans;
    private final Map<Class<?>, Object> references = new ConcurrentHashMap<>();
    private final List<CreationalContext<?>> contexts = new ArrayList<>();

    HandlerInstances(BeanManager beans) {
        this.beans = beans;
    }

    @Override
    public Object apply(HandlerMethod handler) {
        return references.computeIfAbsent(handler.beanClass(), this::reference);
    }

    private Object reference(Class<?> type) {
        Set<Bean<?>> candidates = beans.getBeans(type, Any.Literal.INSTANCE);
        Bean<?> bean = candidates.stream().filter(b -> b.getBeanClass().equals(type)).findFirst()
                .orElseGet(() -> beans.resolve(candidates));
        if (bean == null) {
            throw new IllegalStateException("SOCKETEE-HANDLER-006 no bean of class " + type.getName());
        }
        CreationalContext<?> context = beans.createCreationalContext(bean);
        synchronized (contexts) {
            contexts.add(context);
        }
        return beans.getReference(bean, type, context);
    }

    /** Releases the {@code @Dependent} instances. */
    void release() {
        synchronized (contexts) {
            contexts.forEach(CreationalContext::release);
            contexts.clear();
        }
    }
}
