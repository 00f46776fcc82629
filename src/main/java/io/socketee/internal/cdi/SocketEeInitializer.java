package io.socketee.internal.cdi;

import io.socketee.engine.EngineIoEndpoint;
import io.socketee.engine.EngineIoHandler;
import io.socketee.internal.config.ConfigKeys;
import io.socketee.internal.transport.Callers;
import io.socketee.internal.transport.polling.ClientBundle;
import io.socketee.internal.transport.polling.PollingServlet;
import io.socketee.internal.transport.websocket.UpgradeGuardFilter;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.HandlesTypes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Mounts SocketEE in every web application that has the jar: the polling servlet of the Socket.IO
 * path and of every {@link EngineIoEndpoint} now, and (from {@link TransportBootstrap}, once CDI
 * is up) the engines and WebSocket endpoints. The application's declared security roles (web.xml,
 * {@code @DeclareRoles}, {@code @RolesAllowed}) are the ones each authenticated handshake is
 * tested for ({@link Callers}). Found by the container through
 * {@code META-INF/services}; the application needs no code or web.xml entry.
 *
 * <p>Stateless; each call mounts one application.
 */
@HandlesTypes({EngineIoEndpoint.class, DeclareRoles.class, RolesAllowed.class})
public final class SocketEeInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext ctx) throws ServletException {
        Config config = ConfigProvider.getConfig(ctx.getClassLoader());
        String path = normalise(value(config, ConfigKeys.PATH));
        boolean serveClient = Boolean.parseBoolean(value(config, ConfigKeys.SERVE_CLIENT).trim());
        Set<Class<?>> found = classes == null ? Set.of() : classes;
        Set<String> roles = new LinkedHashSet<>(Callers.declaredIn(ctx.getResourceAsStream("/WEB-INF/web.xml")));
        roles.addAll(Callers.declaredOn(found));
        Callers callers = new Callers(roles);
        List<Mount> mounts = new ArrayList<>();
        Mount sio = new Mount(path, Optional.empty());
        mounts.add(sio);
        register(ctx, "socketee-polling", sio,
                serveClient ? new ClientBundle(SocketEeInitializer.class.getClassLoader()) : null, callers);
        List<String> problems = new ArrayList<>();
        for (Class<?> c : found) {
            EngineIoEndpoint endpoint = c.getAnnotation(EngineIoEndpoint.class);
            if (endpoint == null) {
                continue;
            }
            String rawPath = normalise(endpoint.value());
            if (!EngineIoHandler.class.isAssignableFrom(c)) {
                problems.add("SOCKETEE-BOOT-004 " + c.getName() + " has @EngineIoEndpoint but does not implement EngineIoHandler");
            } else if (!EndpointOptions.problems(c, endpoint).isEmpty()) {
                problems.addAll(EndpointOptions.problems(c, endpoint));
            } else if (mounts.stream().anyMatch(m -> m.path().equals(rawPath))) {
                problems.add("SOCKETEE-BOOT-005 " + c.getName() + ": path " + rawPath + " is already in use");
            } else {
                Mount raw = new Mount(rawPath, Optional.of(c));
                mounts.add(raw);
                register(ctx, "socketee-engine-" + rawPath, raw, null, callers);
            }
        }
        if (!problems.isEmpty()) {
            throw new ServletException("SocketEE cannot start:\n  " + String.join("\n  ", problems));
        }
        ctx.addListener(new TransportBootstrap(mounts, callers));
    }

    private static void register(ServletContext ctx, String name, Mount mount, ClientBundle bundle, Callers callers) {
        ServletRegistration.Dynamic reg = ctx.addServlet(name, new PollingServlet(mount::started, bundle, callers));
        reg.setAsyncSupported(true);
        reg.addMapping(mount.path() + "/*");
        FilterRegistration.Dynamic guard = ctx.addFilter(name + "-upgrade-guard", new UpgradeGuardFilter(mount::started, mount.addresses()));
        guard.setAsyncSupported(true);
        guard.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, mount.path() + "/*");
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
