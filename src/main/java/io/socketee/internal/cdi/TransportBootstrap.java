package io.socketee.internal.cdi;

import io.socketee.engine.EngineIoHandler;
import io.socketee.internal.engine.EngineServer;
import io.socketee.internal.transport.Callers;
import io.socketee.internal.transport.websocket.EngineConfigurator;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.logging.Logger;

/**
 * Starts the SocketEE runtime when the application starts (so a bad configuration fails the
 * deployment), gives every mount its engine, and registers the WebSocket endpoints, with and
 * without the trailing slash.
 *
 * <p>Called once by the container; not shared.
 */
final class TransportBootstrap implements ServletContextListener {
    private static final Logger LOG = Logger.getLogger(TransportBootstrap.class.getName());

    private final List<Mount> mounts;
    private final Callers callers;

    TransportBootstrap(List<Mount> mounts, Callers callers) {
        this.mounts = mounts;
        this.callers = callers;
    }

    @Override
    public void contextInitialized(ServletContextEvent sce) {
        SocketEeRuntime runtime = CDI.current().select(SocketEeRuntime.class).get();
        ServerContainer container = (ServerContainer) sce.getServletContext()
                .getAttribute(ServerContainer.class.getName());
        runtime.checkHookPaths(mounts.stream().filter(m -> m.rawHandler().isPresent()).map(Mount::path)
                .collect(java.util.stream.Collectors.toSet()));
        for (Mount m : mounts) {
            EngineServer engine = m.rawHandler().isPresent()
                    ? runtime.newRawEngine(handler(m.rawHandler().get()), m.path(),
                            m.rawHandler().get().getAnnotation(io.socketee.engine.EngineIoEndpoint.class))
                    : runtime.engine();
            m.engine().set(engine);
            if (container == null) {
                LOG.warning("SOCKETEE-BOOT-001 no WebSocket container: only polling is available at " + m.path());
                continue;
            }
            EngineConfigurator configurator = new EngineConfigurator(m::started, runtime.sessionCloser(), m.addresses(),
                    runtime.config().perMessageDeflate(), callers);
            try {
                container.addEndpoint(EngineConfigurator.config(m.path() + "/", configurator, container));
                if (m.path().length() > 1) {
                    container.addEndpoint(EngineConfigurator.config(m.path(), configurator, container));
                }
            } catch (DeploymentException e) {
                throw new IllegalStateException("SOCKETEE-BOOT-002 cannot register the WebSocket endpoint at " + m.path(), e);
            }
            if (runtime.config().perMessageDeflate()) {
                LOG.info(() -> "SOCKETEE-BOOT-016 WebSocket extensions offered at " + m.path() + ": "
                        + container.getInstalledExtensions().stream().map(jakarta.websocket.Extension::getName).toList()
                        + (container.getInstalledExtensions().isEmpty() ? " (none: the container has no permessage-deflate)" : ""));
            }
            LOG.info(() -> "SOCKETEE-BOOT-003 " + (m.rawHandler().isPresent() ? "Engine.IO" : "Socket.IO")
                    + " server at " + sce.getServletContext().getContextPath() + m.path() + "/");
        }
    }

    private static EngineIoHandler handler(Class<?> type) {
        Instance<Object> bean = CDI.current().select((Class<Object>) type);
        if (bean.isResolvable()) {
            return (EngineIoHandler) bean.get();
        }
        try {
            return (EngineIoHandler) type.getConstructor().newInstance();
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException
                | InvocationTargetException e) {
            throw new IllegalStateException("SOCKETEE-BOOT-006 " + type.getName()
                    + " is neither a CDI bean nor has a public no-argument constructor", e);
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent sce) {
        for (Mount m : mounts) {
            m.engine().set(null);
        }
    }
}
