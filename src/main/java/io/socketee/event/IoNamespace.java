package io.socketee.event;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The namespace a handler serves: on the handler's class (for all of its handlers), on the
 * method, or on the observed parameter; the nearest wins, and "/" is the default. Not a CDI
 * qualifier, so a class carrying it can still be injected plainly.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PARAMETER})
public @interface IoNamespace {

    /**
     * The namespace name, starting with '/' ('/' is prepended when missing).
     * @return the namespace name, starting with '/' ('/' is prepended when missing)
     */
    String value() default "/";
}
