package io.socketee.event;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The namespace a handler serves: on the handler's class (for all of its handlers), on the
 * method, or on the observed parameter; the nearest wins, and "/" is the default. Either a name
 * ({@code @IoNamespace("/chat")}) or, for a dynamic namespace, a pattern
 * ({@code @IoNamespace(pattern = "^/workspace-\\w+$")}): the handlers then serve every child
 * namespace whose name the pattern finds, as listeners of {@code io.of(Pattern)} do. Not a CDI
 * qualifier, so a class carrying it can still be injected plainly.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PARAMETER})
public @interface IoNamespace {

    /**
     * The namespace name, starting with '/' ('/' is prepended when missing); empty (the default)
     * is the main namespace "/". Not together with {@link #pattern()}.
     * @return the namespace name; empty for "/"
     */
    String value() default "";

    /**
     * A regular expression ({@link java.util.regex.Pattern} syntax, matched as JavaScript's
     * {@code regex.test}, so anchor it with {@code ^...$}) naming a dynamic namespace: the handlers
     * serve every child a client creates by connecting to a name the pattern finds. The same
     * pattern in configuration ({@code socketio.dynamicNamespace.<name>.pattern}) or in
     * {@code io.of(Pattern)} is the same dynamic namespace. Empty (the default) for a named
     * namespace; not together with {@link #value()}.
     * @return the pattern, or empty
     */
    String pattern() default "";
}
