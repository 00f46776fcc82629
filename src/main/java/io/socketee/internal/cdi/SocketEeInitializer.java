package io.socketee.internal.cdi;

import io.socketee.internal.config.ConfigKeys;
import io.socketee.internal.engine.EngineServer;
import io.socketee.internal.transport.polling.ClientBundle;
import io.socketee.internal.transport.polling.PollingServlet;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Mounts SocketEE in every web application that has the jar: the polling servlet at
 * {@code <path>/*} now, and (from {@link TransportBootstrap}, once CDI is up) the WebSocket
 * endpoint at {@code <path>/} and {@code <path>}. Found by the container through
 * {@code META-INF/services}; the application needs no code or web.xml entry.
 *
 * <p>Stateless; each call mounts one application.
 */
public final class SocketEeInitializer implements ServletContainerInitializer {
    private static final Logger LOG = Logger.getLogger(SocketEeInitializer.class.getName());

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext ctx) {
        Config config = ConfigProvider.getConfig(ctx.getClassLoader());
        String path = normalise(value(config, ConfigKeys.PATH));
        boolean serveClient = Boolean.parseBoolean(value(config, ConfigKeys.SERVE_CLIENT).trim());
        AtomicReference<EngineServer> engine = new AtomicReference<>();
        PollingServlet servlet = new PollingServlet(() -> started(engine),
                serveClient ? new ClientBundle(SocketEeInitializer.class.getClassLoader()) : null);
        ServletRegistration.Dynamic reg = ctx.addServlet("socketee-polling", servlet);
        reg.setAsyncSupported(true);
        reg.addMapping(path + "/*");
        ctx.addListener(new TransportBootstrap(path, engine));
        LOG.fine(() -> "SocketEE polling mounted at " + ctx.getContextPath() + path + "/");
    }

    private static EngineServer started(AtomicReference<EngineServer> engine) {
        EngineServer e = engine.get();
        if (e == null) {
            throw new IllegalStateException("SocketEE is not started yet");
        }
        return e;
    }

    private static String value(Config config, ConfigKeys key) {
        Optional<String> v = config.getOptionalValue(key.key(), String.class);
        return v.orElse(key.defaultValue());
    }

    static String normalise(String path) {
        String p = path.trim();
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.startsWith("/") ? p : "/" + p;
    }
}
