package io.socketee.internal.cdi;

import io.socketee.internal.config.SocketIoConfig.NamespaceConfig;
import io.socketee.internal.handler.HandlerKind;
import io.socketee.internal.handler.HandlerMethod;
import io.socketee.internal.handler.NamespaceRef;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves the routes of configuration ({@code socketio.namespace.<name>.route.<event>},
 * {@code socketio.dynamicNamespace.<name>.route.<event>}) to handler methods at deployment:
 * egg-socket.io's router. Stateless.
 */
final class Routes {

    private Routes() {
    }

    /**
     * The routed handlers of {@code namespaces}, with a problem for each route that cannot be
     * resolved or that an {@code @OnEvent} handler already takes. {@code beans} gives the class of
     * the bean with a name or class name.
     */
    static List<HandlerMethod> resolve(Function<String, Optional<Class<?>>> beans, List<NamespaceConfig> namespaces,
            List<HandlerMethod> annotated, List<String> problems) {
        List<HandlerMethod> routed = new ArrayList<>();
        for (NamespaceConfig ns : namespaces) {
            NamespaceRef ref = ref(ns);
            for (Map.Entry<String, String> route : ns.routes().entrySet()) {
                String event = route.getKey();
                String where = ns.describe() + " route \"" + event + "\" -> " + route.getValue();
                boolean taken = annotated.stream().anyMatch(h -> h.kind() == HandlerKind.EVENT
                        && h.namespace().equals(ref) && h.event().equals(event));
                if (taken) {
                    problems.add("SOCKETEE-ROUTE-002 " + where + ": duplicate route, an @OnEvent(\"" + event
                            + "\") handler of " + ref.describe() + " handles it already");
                    continue;
                }
                resolve(beans, route.getValue(), where, problems).ifPresent(m ->
                        HandlerMethod.route(m.getDeclaringClass(), m, event, ref, problems).ifPresent(routed::add));
            }
        }
        return routed;
    }

    /** The namespace a configured one is, for handlers: by its name, or by its pattern when dynamic. */
    static NamespaceRef ref(NamespaceConfig ns) {
        return ns.pattern().<NamespaceRef>map(NamespaceRef.Dynamic::new).orElseGet(() -> new NamespaceRef.Named(ns.name()));
    }

    private static Optional<Method> resolve(Function<String, Optional<Class<?>>> beans, String target, String where,
            List<String> problems) {
        int hash = target.indexOf('#');
        String beanName = target.substring(0, hash);
        String methodName = target.substring(hash + 1);
        Optional<Class<?>> type = beans.apply(beanName);
        if (type.isEmpty()) {
            problems.add("SOCKETEE-ROUTE-001 " + where + ": no bean named or of class " + beanName);
            return Optional.empty();
        }
        List<Method> found = new ArrayList<>();
        for (Class<?> c = type.get(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(methodName) && !m.isSynthetic() && !m.isBridge()) {
                    found.add(m);
                }
            }
        }
        if (found.size() != 1) {
            problems.add("SOCKETEE-ROUTE-003 " + where + ": " + (found.isEmpty() ? "no method " : "several methods ")
                    + methodName + " in " + type.get().getName());
            return Optional.empty();
        }
        return Optional.of(found.get(0));
    }
}
