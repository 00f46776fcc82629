package io.socketee.internal.cdi;

import io.socketee.internal.engine.EngineServer;
import io.socketee.internal.transport.websocket.EngineConfigurator;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * Starts the SocketEE runtime when the application starts (so a bad configuration fails the
 * deployment) and registers the WebSocket endpoint, with and without the trailing slash.
 *
 * <p>Called once by the container; not shared.
 */
final class TransportBootstrap implements ServletContextListener {
    private static final Logger LOG = Logger.getLogger(TransportBootstrap.class.getName());

    private final String path;
    private final AtomicReference<EngineServer> engine;

    TransportBootstrap(String path, AtomicReference<EngineServer> engine) {
        this.path = path;
        this.engine = engine;
    }

    @Override
    public void contextInitialized(ServletContextEvent sce) {
        SocketEeRuntime runtime = CDI.current().select(SocketEeRuntime.class).get();
        engine.set(runtime.engine());
        ServerContainer container = (ServerContainer) sce.getServletContext()
                .getAttribute(ServerContainer.class.getName());
        if (container == null) {
            LOG.warning("SOCKETEE-BOOT-001 no WebSocket container: only polling is available");
            return;
        }
        EngineConfigurator configurator = new EngineConfigurator(engine::get, runtime.config().maxQueuedFrames());
        try {
            container.addEndpoint(EngineConfigurator.config(path + "/", configurator));
            if (path.length() > 1) {
                container.addEndpoint(EngineConfigurator.config(path, configurator));
            }
        } catch (DeploymentException e) {
            throw new IllegalStateException("SOCKETEE-BOOT-002 cannot register the WebSocket endpoint at " + path, e);
        }
        LOG.info(() -> "SOCKETEE-BOOT-003 Socket.IO server at " + sce.getServletContext().getContextPath()
                + path + "/ (polling, websocket)");
    }

    @Override
    public void contextDestroyed(ServletContextEvent sce) {
        engine.set(null);
    }
}
