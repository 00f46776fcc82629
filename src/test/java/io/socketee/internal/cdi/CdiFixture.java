package io.socketee.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.socketee.IoServer;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * SocketEE's CDI extension and runtime booted in process on Weld SE, with the beans a test names
 * and the configuration it gives (SmallRye Config, registered for this fixture only). The servlet
 * container's part (the {@code ServletContainerInitializer}, {@link TransportBootstrap}, the
 * polling servlet and the WebSocket endpoint) is left out: the test plays the WebSocket endpoint
 * with {@link WsClient}, feeding the runtime's Engine.IO server as the endpoint does.
 *
 * <p>One per test, used from the test's thread; not thread-safe.
 */
final class CdiFixture implements AutoCloseable {
    private final Config config;
    private final WeldContainer container;
    final SocketEeRuntime runtime;

    private CdiFixture(Config config, WeldContainer container, SocketEeRuntime runtime) {
        this.config = config;
        this.container = container;
        this.runtime = runtime;
    }

    /**
     * Boots Weld with the runtime and {@code beans} (interceptors included: their
     * {@code @Priority} enables them) and starts SocketEE, as the application's start does.
     *
     * @param properties the MicroProfile Config the application sees, and nothing else
     * @throws DeploymentException the deployment problems, as the container would report them
     */
    static CdiFixture boot(Map<String, String> properties, Class<?>... beans) {
        // the extension and the runtime read the configuration of the thread's context class
        // loader; this one is the fixture's own, so that no other test sees its configuration
        ClassLoader loader = new ClassLoader(CdiFixture.class.getClassLoader()) {
        };
        Config config = new SmallRyeConfigBuilder().forClassLoader(loader)
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build();
        ConfigProviderResolver.instance().registerConfig(config, loader);
        try {
            return withContextClassLoader(loader, () -> {
                Weld weld = new Weld(UUID.randomUUID().toString())
                        .disableDiscovery()
                        .property(Weld.SHUTDOWN_HOOK_SYSTEM_PROPERTY, false)
                        .addBeanClasses(SocketEeRuntime.class)
                        .addBeanClasses(beans);
                // without discovery Weld loads no extension itself: those the class path declares
                // in META-INF/services, as a container loads them (SocketEE's, SmallRye Config's)
                ServiceLoader.load(Extension.class, loader).forEach(weld::addExtension);
                WeldContainer container = weld.initialize();
                try {
                    SocketEeRuntime runtime = container.select(SocketEeRuntime.class).get();
                    runtime.engine(); // creates it: SocketEE starts as TransportBootstrap starts it
                    return new CdiFixture(config, container, runtime);
                } catch (RuntimeException | Error e) {
                    container.shutdown();
                    throw e;
                }
            });
        } catch (RuntimeException | Error e) {
            ConfigProviderResolver.instance().releaseConfig(config);
            throw e;
        }
    }

    /** The report of a deployment that must fail: the message of the one deployment problem. */
    static String deploymentFailure(Map<String, String> properties, Class<?>... beans) {
        return assertThrows(DeploymentException.class, () -> boot(properties, beans).close()).getMessage();
    }

    private static <T> T withContextClassLoader(ClassLoader loader, Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The application's bean of {@code type}. */
    <T> T bean(Class<T> type) {
        return container.select(type).get();
    }

    /** The injectable server, as the application sees it. */
    IoServer io() {
        return bean(IoServer.class);
    }

    /** A new client over WebSocket, its Engine.IO session open; not yet in a namespace. */
    WsClient client() {
        return new WsClient(runtime.engine());
    }

    /** A client whose opening request the container authenticated as {@code caller}. */
    WsClient client(io.socketee.internal.engine.Caller caller) {
        return new WsClient(runtime.engine(), caller);
    }

    /** A new client connected to {@code nsp}, its CONNECT answer consumed. */
    WsClient connect(String nsp) {
        WsClient client = client();
        client.connect(nsp);
        return client;
    }

    @Override
    public void close() {
        try {
            container.shutdown();
        } finally {
            ConfigProviderResolver.instance().releaseConfig(config);
        }
    }
}
