package io.socketee.internal.handler;

import io.socketee.IoServer;
import io.socketee.Namespace;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which namespace a handler serves: one by its name, or a dynamic one by its pattern (every child
 * namespace whose name the pattern finds). Immutable values; thread-safe.
 */
public sealed interface NamespaceRef {

    /** The namespace on {@code io}: the named one, or the parent of the dynamic one (created if needed). */
    Namespace on(IoServer io);

    /** For messages: "/chat", or "dynamic ^/workspace-\w+$". */
    String describe();

    /**
     * A namespace by name.
     *
     * @param name the name, starting with '/'
     */
    record Named(String name) implements NamespaceRef {
        public Named {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public Namespace on(IoServer io) {
            return io.of(name);
        }

        @Override
        public String describe() {
            return name;
        }
    }

    /**
     * A dynamic namespace by pattern: {@code io.of(Pattern.compile(pattern))}.
     *
     * @param pattern the regular expression, valid
     */
    record Dynamic(String pattern) implements NamespaceRef {
        public Dynamic {
            Pattern.compile(Objects.requireNonNull(pattern, "pattern"));
        }

        @Override
        public Namespace on(IoServer io) {
            return io.of(Pattern.compile(pattern));
        }

        @Override
        public String describe() {
            return "dynamic " + pattern;
        }
    }
}
