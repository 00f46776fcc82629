package io.socketee.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Mounts an {@link EngineIoHandler} as a raw Engine.IO server at a path under the WAR's context
 * root, for example {@code @EngineIoEndpoint("/engine.io")}: polling and WebSocket are served at
 * {@code /engine.io/}. The class is looked up as a CDI bean (any scope; {@code @ApplicationScoped}
 * is typical), or created with its public no-argument constructor when it is not a bean.
 *
 * <p>Settings are the {@code socketio.*} ones, except those given here (the reference's options
 * of one {@code engine.io} server): {@code @EngineIoEndpoint(value = "/engine.io", pingInterval =
 * 5000)}. A value out of range fails the deployment. The application's {@link io.socketee.AllowRequest},
 * {@link io.socketee.AsyncAllowRequest} and {@link io.socketee.ResponseHeaders} beans apply to the
 * endpoint whose path their {@code path()} names.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EngineIoEndpoint {

    /**
     * The path, starting with '/'; a trailing slash is ignored.
     * @return the path, starting with '/'; a trailing slash is ignored
     */
    String value();

    /**
     * Milliseconds between heartbeats; 0 (the default) for {@code socketio.pingInterval}.
     * @return milliseconds, or 0 for the shared setting
     */
    long pingInterval() default 0;

    /**
     * Milliseconds to wait for a heartbeat's answer; 0 (the default) for {@code socketio.pingTimeout}.
     * @return milliseconds, or 0 for the shared setting
     */
    long pingTimeout() default 0;

    /**
     * Milliseconds an upgrade to WebSocket may take; 0 (the default) for {@code socketio.upgradeTimeout}.
     * @return milliseconds, or 0 for the shared setting
     */
    long upgradeTimeout() default 0;

    /**
     * The largest message or POST body, in bytes; 0 (the default) for {@code socketio.maxHttpBufferSize}.
     * @return bytes, or 0 for the shared setting
     */
    long maxHttpBufferSize() default 0;

    /**
     * The allowed transports, among {@code "polling"} and {@code "websocket"}; empty (the default)
     * for {@code socketio.transports}.
     * @return the transports, or none for the shared setting
     */
    String[] transports() default {};
}
