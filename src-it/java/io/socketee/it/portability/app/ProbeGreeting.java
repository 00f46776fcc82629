package io.socketee.it.portability.app;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * A CDI bean injected into {@link ProbeEngine}, so the probe shows that the application's
 * handler is a CDI bean with its injections done, on every server. Stateless and thread-safe.
 */
@ApplicationScoped
public class ProbeGreeting {

    /** The text the probe puts in its greeting. */
    public String text() {
        return "injected";
    }
}
