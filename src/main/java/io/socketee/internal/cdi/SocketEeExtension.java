package io.socketee.internal.cdi;

import io.socketee.event.OnConnect;
import io.socketee.event.OnDisconnect;
import io.socketee.event.OnDisconnecting;
import io.socketee.event.OnError;
import io.socketee.event.OnEvent;
import io.socketee.internal.handler.HandlerKind;
import io.socketee.internal.handler.HandlerMethod;
import io.socketee.internal.handler.HandlerRules;
import io.socketee.internal.config.SocketIoConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.BeanManager;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedParameter;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.enterprise.inject.spi.configurator.AnnotatedMethodConfigurator;
import jakarta.enterprise.inject.spi.configurator.AnnotatedParameterConfigurator;
import jakarta.inject.Qualifier;
import java.lang.annotation.Annotation;
import java.lang.reflect.Member;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the application's handlers at deployment: every method of a bean type with a parameter
 * annotated {@code @Observes} and a qualifier of {@code io.socketee.event}. Each is read once (its
 * parameters resolved to argument kinds) and its {@code @Observes} removed from the annotated type,
 * because SocketEE calls it itself: its result can answer the acknowledgement and its other
 * parameters can be event arguments, which CDI would take for injection points. Every bad handler
 * is reported, all at once, as one deployment problem, and so is what looks like a handler or a
 * way to reach one but never would be: an {@code @ObservesAsync} parameter with one of the
 * qualifiers, and an injected {@code Event} qualified with one.
 *
 * <p>Told of types, injection points and beans during deployment, possibly from several threads
 * (Weld initialises beans concurrently), so the problems and bean classes are kept in thread-safe
 * collections; read-only after deployment, so thread-safe.
 */
public class SocketEeExtension implements Extension {
    private final List<HandlerMethod> handlers = new ArrayList<>();
    private final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<HandlerMethod> routes = new ArrayList<>();
    /** Every bean class of the deployment by its bean name and by its class name, for routes. */
    private final Map<String, Class<?>> beanClasses = new java.util.concurrent.ConcurrentHashMap<>();

    <X> void onType(@Observes @WithAnnotations({OnEvent.class, OnConnect.class, OnDisconnecting.class,
            OnDisconnect.class, OnError.class}) ProcessAnnotatedType<X> pat) {
        Class<X> beanClass = pat.getAnnotatedType().getJavaClass();
        for (AnnotatedMethodConfigurator<? super X> method : pat.configureAnnotatedType().methods()) {
            for (AnnotatedParameterConfigurator<? super X> param : method.params()) {
                AnnotatedParameter<? super X> p = param.getAnnotated();
                if (p.isAnnotationPresent(Observes.class) && ours(p)) {
                    read(beanClass, method, p);
                    param.remove(a -> a.annotationType() == Observes.class);
                } else if (p.isAnnotationPresent(ObservesAsync.class) && ours(p)) {
                    problems.add(asyncProblem(method.getAnnotated().getJavaMember(), p));
                    // removed, or CDI would check the method as an observer and fail on its other
                    // parameters before this report is made
                    param.remove(a -> a.annotationType() == ObservesAsync.class);
                }
            }
        }
    }

    private static String asyncProblem(java.lang.reflect.Method method, AnnotatedParameter<?> p) {
        String qualifier = p.getAnnotations().stream().filter(a -> HandlerKind.of(a).isPresent()).findFirst()
                .map(a -> a.annotationType().getSimpleName()).orElseThrow();
        return "SOCKETEE-HANDLER-007 " + method.getDeclaringClass().getName() + "." + method.getName()
                + ": @ObservesAsync @" + qualifier + " is never called; write @Observes (SocketEE calls handlers"
                + " itself, one client's in the order of its packets)";
    }

    /**
     * Reports every injected {@code Event} qualified with a SocketEE qualifier: CDI knows no
     * observer of these qualifiers (SocketEE removes {@code @Observes} from its handlers and calls
     * them itself), so what it fires reaches nothing. {@code Event.select} with one at run time
     * cannot be seen here; the qualifiers' Javadoc says so.
     */
    <T, X> void onInjectionPoint(@Observes ProcessInjectionPoint<T, X> pip) {
        InjectionPoint ip = pip.getInjectionPoint();
        Type type = ip.getType();
        Type raw = type instanceof ParameterizedType pt ? pt.getRawType() : type;
        if (raw != Event.class) {
            return;
        }
        ip.getQualifiers().stream().filter(q -> HandlerKind.of(q).isPresent()).findFirst().ifPresent(q ->
                problems.add("SOCKETEE-HANDLER-008 " + describe(ip) + ": an Event qualified with @"
                        + q.annotationType().getSimpleName() + " reaches no handler (SocketEE calls handlers itself;"
                        + " its qualifiers are for @Observes parameters only); send to clients with IoServer or Socket"));
    }

    /** "Class.member", with the parameter's position for a parameter. */
    private static String describe(InjectionPoint ip) {
        Member member = ip.getMember();
        String name = member.getDeclaringClass().getName() + "."
                + (member instanceof java.lang.reflect.Constructor<?> ? "<init>" : member.getName());
        return ip.getAnnotated() instanceof AnnotatedParameter<?> p ? name + " parameter " + (p.getPosition() + 1) : name;
    }

    private void read(Class<?> beanClass, AnnotatedMethodConfigurator<?> method, AnnotatedParameter<?> p) {
        List<Annotation> qualifiers = new ArrayList<>();
        for (Annotation a : p.getAnnotations()) {
            if (a.annotationType().isAnnotationPresent(Qualifier.class)) {
                qualifiers.add(a);
            }
        }
        Priority priority = p.getAnnotation(Priority.class);
        Optional<HandlerMethod> handler = HandlerMethod.read(beanClass, method.getAnnotated().getJavaMember(),
                p.getPosition(), qualifiers, priority == null ? ObserverMethod.DEFAULT_PRIORITY : priority.value(),
                problems);
        handler.ifPresent(handlers::add);
    }

    /**
     * Records every bean, for the routes of configuration. Routes are not looked up through the
     * {@code BeanManager} given to this extension: on Payara Micro that one is the library jar's
     * and does not find the application's beans by name ({@code getBeans("pings")} is empty for a
     * {@code @Named("pings")} bean in WEB-INF/classes), while Weld on Open Liberty and WildFly
     * does. Bean events reach the extension for every archive of the deployment.
     */
    <T> void onBean(@Observes ProcessBean<T> pb) {
        Class<?> type = pb.getBean().getBeanClass();
        beanClasses.putIfAbsent(type.getName(), type);
        if (pb.getBean().getName() != null) {
            beanClasses.putIfAbsent(pb.getBean().getName(), type);
        }
    }

    private static boolean ours(AnnotatedParameter<?> p) {
        return p.getAnnotations().stream().anyMatch(a -> HandlerKind.of(a).isPresent());
    }

    /** Adds the holder of the MicroProfile Metrics registry where the server has the API (see {@link MetricsBinding}). */
    void beforeDiscovery(@Observes jakarta.enterprise.inject.spi.BeforeBeanDiscovery bbd, BeanManager beans) {
        if (MetricsBinding.present("org.eclipse.microprofile.metrics.MetricRegistry")) {
            bbd.addAnnotatedType(beans.createAnnotatedType(MpMetricsRegistry.class), MpMetricsRegistry.class.getName());
        }
    }

    /** Registers the readiness and liveness checks where the server has MicroProfile Health. */
    void onBeans(@Observes jakarta.enterprise.inject.spi.AfterBeanDiscovery abd) {
        try {
            Class.forName("org.eclipse.microprofile.health.HealthCheck", false, SocketEeExtension.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return; // no MicroProfile Health here: no check
        }
        ReadinessCheck.register(abd);
        LivenessCheck.register(abd);
    }

    void onValidation(@Observes AfterDeploymentValidation adv, BeanManager beans) {
        List<String> all = new ArrayList<>(problems);
        all.addAll(new HandlerRules(handlers).problems());
        all.addAll(configurationProblems(beans));
        if (!all.isEmpty()) {
            adv.addDeploymentProblem(new DeploymentException(
                    "SocketEE cannot start, " + all.size() + " problem(s):\n  " + String.join("\n  ", all)));
        }
    }

    /**
     * The configuration's problems: bad values, middleware names no interceptor has, routes that
     * do not resolve. Records the routed handlers.
     */
    private List<String> configurationProblems(BeanManager beans) {
        Config config = ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader());
        List<String> found = new ArrayList<>();
        List<SocketIoConfig.NamespaceConfig> namespaces;
        try {
            SocketIoConfig read = SocketIoConfig.read(key -> config.getOptionalValue(key, String.class),
                    config.getPropertyNames());
            namespaces = read.allNamespaces();
            found.addAll(adapterProblems(beans, read.redis().isPresent()));
        } catch (SocketIoConfig.InvalidConfigException e) {
            found.addAll(e.problems());
            found.addAll(adapterProblems(beans, false)); // whether Redis is chosen is not known here
            namespaces = e.namespaces();
        }
        found.addAll(MiddlewareChains.problems(beans, namespaces));
        routes.addAll(Routes.resolve(name -> Optional.ofNullable(beanClasses.get(name)), namespaces, handlers, found));
        return found;
    }

    /**
     * An application's {@link io.socketee.adapter.AdapterFactory} beans: at most one, and not
     * beside {@code socketio.adapter=redis}.
     */
    private static List<String> adapterProblems(BeanManager beans, boolean redis) {
        return adapterProblems(beans.getBeans(io.socketee.adapter.AdapterFactory.class).stream()
                .map(b -> b.getBeanClass().getName()).sorted().toList(), redis);
    }

    /** As above, given the classes of the {@code AdapterFactory} beans. */
    static List<String> adapterProblems(List<String> factories, boolean redis) {
        if (factories.size() > 1) {
            return List.of("SOCKETEE-ADAPTER-001 more than one io.socketee.adapter.AdapterFactory bean: " + factories
                    + "; keep one");
        }
        if (factories.size() == 1 && redis) {
            return List.of("SOCKETEE-ADAPTER-002 socketio.adapter=redis and the AdapterFactory bean " + factories.get(0)
                    + " both choose the adapter; remove one of them");
        }
        return List.of();
    }

    /** The handlers found, in discovery order, then those routed by configuration. */
    public List<HandlerMethod> handlers() {
        List<HandlerMethod> all = new ArrayList<>(handlers);
        all.addAll(routes);
        return List.copyOf(all);
    }
}
