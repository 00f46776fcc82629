package io.socketee.internal.transport;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Finds a method of a container's object through a public class or interface of it, so that
 * SocketEE can call what a container exposes publicly on objects whose own classes are not
 * public (Open Liberty's TCP channel, Weld's contexts), without compiling against the container.
 *
 * <p>Stateless and thread-safe.
 */
public final class ContainerMethods {
    private ContainerMethods() {
    }

    /**
     * {@code name(parameters)} as declared by the nearest public class of {@code type}, or by a
     * public interface of one of its classes.
     *
     * @param type the object's class
     * @param name the method's name
     * @param parameters its parameter types
     * @return the method, invocable from outside the container
     * @throws NoSuchMethodException when no public type of {@code type} has it
     */
    public static Method publicMethod(Class<?> type, String name, Class<?>... parameters) throws NoSuchMethodException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (Modifier.isPublic(c.getModifiers())) {
                return c.getMethod(name, parameters);
            }
            for (Class<?> i : c.getInterfaces()) {
                Method m = fromInterface(i, name, parameters);
                if (m != null) {
                    return m;
                }
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + name);
    }

    private static Method fromInterface(Class<?> type, String name, Class<?>... parameters) {
        if (Modifier.isPublic(type.getModifiers())) {
            try {
                return type.getMethod(name, parameters);
            } catch (NoSuchMethodException e) {
                // look in the interfaces it extends
            }
        }
        for (Class<?> i : type.getInterfaces()) {
            Method m = fromInterface(i, name, parameters);
            if (m != null) {
                return m;
            }
        }
        return null;
    }
}
