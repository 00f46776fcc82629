package io.socketee.internal.handler;

import io.socketee.event.IoNamespace;
import io.socketee.event.OnEvent;
import io.socketee.event.SocketEvent;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * One handler found at deployment: its method, what it handles, and how each of its parameters
 * is resolved, so that a call needs no lookup. Immutable and thread-safe.
 *
 * @param beanClass the bean whose instance the method is called on
 * @param method the method, made accessible
 * @param kind what it handles
 * @param event the event name, for {@link HandlerKind#EVENT}; else empty
 * @param namespace the namespace it serves: a name, or a dynamic namespace's pattern
 * @param priority the observer priority: lower runs first
 * @param arguments one resolver per parameter
 */
public record HandlerMethod(Class<?> beanClass, Method method, HandlerKind kind, String event, NamespaceRef namespace,
        int priority, List<HandlerArgument> arguments) {

    public HandlerMethod {
        arguments = List.copyOf(arguments);
    }

    /** Whether calls need a bean instance. */
    public boolean isStatic() {
        return Modifier.isStatic(method.getModifiers());
    }

    /** Whether the method returns a value (which answers the acknowledgement). */
    public boolean returnsValue() {
        return method.getReturnType() != void.class;
    }

    /**
     * Calls the method on {@code instance} (null when static) for {@code event}.
     *
     * @throws Exception what the method threw, or an {@code IoException("invalid arguments")} when
     *     an argument does not convert to its parameter's type
     */
    public Object invoke(Object instance, SocketEvent event) throws Exception {
        Object[] values = new Object[arguments.size()];
        for (int i = 0; i < values.length; i++) {
            try {
                values[i] = arguments.get(i).resolve(event);
            } catch (io.socketee.IoException e) {
                // the client sees this message: say what, not the Java types
                throw new InvalidArgumentsException(e);
            }
        }
        try {
            return method.invoke(instance, values);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** "Class.method" for messages. */
    public String describe() {
        return method.getDeclaringClass().getName() + "." + method.getName();
    }

    /**
     * Reads a handler from the method of an observer whose observed parameter (at
     * {@code observed}) carries {@code qualifiers}; empty when none of them is ours.
     *
     * @param problems receives every reason the method is not a valid handler (stable ids)
     */
    public static Optional<HandlerMethod> read(Class<?> beanClass, Method method, int observed,
            Collection<Annotation> qualifiers, int priority, List<String> problems) {
        HandlerKind kind = null;
        String event = "";
        for (Annotation q : qualifiers) {
            Optional<HandlerKind> k = HandlerKind.of(q);
            if (k.isPresent()) {
                if (kind != null) {
                    problems.add("SOCKETEE-HANDLER-002 " + name(method) + ": more than one SocketEE qualifier");
                    return Optional.empty();
                }
                kind = k.get();
                event = q instanceof OnEvent on ? on.value() : "";
            }
        }
        if (kind == null) {
            return Optional.empty();
        }
        int before = problems.size();
        if (Modifier.isPrivate(method.getModifiers())) {
            problems.add("SOCKETEE-HANDLER-003 " + name(method) + ": a handler may not be private");
        }
        if (kind == HandlerKind.EVENT && (event.isEmpty() || io.socketee.internal.handler.Reserved.is(event))) {
            problems.add("SOCKETEE-HANDLER-004 " + name(method) + ": @OnEvent(\"" + event
                    + "\") is empty or a reserved event name");
        }
        List<HandlerArgument> args = arguments(method, kind, problems);
        Optional<NamespaceRef> namespace = namespace(method, observed, problems);
        if (problems.size() > before || namespace.isEmpty()) {
            return Optional.empty();
        }
        method.setAccessible(true);
        return Optional.of(new HandlerMethod(beanClass, method, kind, event, namespace.get(), priority, args));
    }

    /**
     * Reads a method routed to by configuration ({@code socketio.namespace.<name>.route.<event>}):
     * an event handler whose parameters all follow the handler rules, none of them observed.
     *
     * @param problems receives every reason the method cannot handle the event
     */
    public static Optional<HandlerMethod> route(Class<?> beanClass, Method method, String event, NamespaceRef namespace,
            List<String> problems) {
        int before = problems.size();
        if (Modifier.isPrivate(method.getModifiers())) {
            problems.add("SOCKETEE-HANDLER-003 " + name(method) + ": a handler may not be private");
        }
        if (event.isEmpty() || Reserved.is(event)) {
            problems.add("SOCKETEE-HANDLER-004 " + name(method) + ": route \"" + event + "\" is a reserved event name");
        }
        List<HandlerArgument> args = arguments(method, HandlerKind.EVENT, problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        method.setAccessible(true);
        return Optional.of(new HandlerMethod(beanClass, method, HandlerKind.EVENT, event, namespace,
                jakarta.enterprise.inject.spi.ObserverMethod.DEFAULT_PRIORITY, args));
    }

    private static List<HandlerArgument> arguments(Method method, HandlerKind kind, List<String> problems) {
        List<HandlerArgument> args = new ArrayList<>();
        Type[] types = method.getGenericParameterTypes();
        int payload = 0;
        for (int i = 0; i < types.length; i++) {
            String[] problem = new String[1];
            Optional<HandlerArgument> arg = HandlerArgument.of(types[i], kind, payload, problem);
            if (arg.isEmpty()) {
                problems.add("SOCKETEE-HANDLER-001 " + name(method) + " parameter " + (i + 1) + ": " + problem[0]);
                continue;
            }
            if (arg.get() instanceof HandlerArgument.Payload) {
                payload++;
            }
            args.add(arg.get());
        }
        return args;
    }

    /**
     * The namespace from {@link IoNamespace} on the parameter, else the method, else the class; "/"
     * by default. Empty, with a problem, for an annotation with both a name and a pattern, or with
     * a pattern that is not a regular expression.
     */
    static Optional<NamespaceRef> namespace(Method method, int observed, List<String> problems) {
        IoNamespace ns = null;
        for (Annotation a : method.getParameterAnnotations()[observed]) {
            if (a instanceof IoNamespace n) {
                ns = n;
            }
        }
        if (ns == null) {
            ns = method.getAnnotation(IoNamespace.class);
        }
        if (ns == null) {
            ns = method.getDeclaringClass().getAnnotation(IoNamespace.class);
        }
        if (ns == null || ns.pattern().isEmpty()) {
            String name = ns == null ? "/" : ns.value().trim();
            return Optional.of(new NamespaceRef.Named(name.startsWith("/") ? name : "/" + name));
        }
        if (!ns.value().isEmpty()) {
            problems.add("SOCKETEE-HANDLER-012 " + name(method) + ": @IoNamespace has both a name (\"" + ns.value()
                    + "\") and a pattern (\"" + ns.pattern() + "\"); give one: a name for one namespace, a pattern"
                    + " for a dynamic namespace");
            return Optional.empty();
        }
        try {
            return Optional.of(new NamespaceRef.Dynamic(ns.pattern()));
        } catch (java.util.regex.PatternSyntaxException e) {
            problems.add("SOCKETEE-HANDLER-013 " + name(method) + ": @IoNamespace(pattern = \"" + ns.pattern()
                    + "\") is not a regular expression: " + e.getDescription() + " near index " + e.getIndex());
            return Optional.empty();
        }
    }

    private static String name(Method method) {
        return method.getDeclaringClass().getName() + "." + method.getName();
    }
}
