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
 * <p>The heartbeat, size limit, transports and CORS settings are the {@code socketio.*} ones.
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
}
