package io.socketee.internal.cdi;

import io.socketee.IoServer;
import io.socketee.internal.config.SocketIoConfig;
import io.socketee.internal.engine.EngineServer;
import io.socketee.internal.engine.SessionIds;
import io.socketee.internal.sio.SioOptions;
import io.socketee.internal.sio.SioServer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.Config;

/**
 * The one SocketEE server of an application: reads the configuration, owns the thread pools, the
 * Engine.IO server and the Socket.IO server, and produces the injectable {@link IoServer}.
 *
 * <p>Application scoped; thread-safe once started.
 */
@ApplicationScoped
public class SocketEeRuntime {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(SocketEeRuntime.class.getName());

    @Inject
    Config mpConfig;

    @Inject
    jakarta.enterprise.inject.Instance<io.socketee.AllowRequest> allowRequest;

    @Inject
    jakarta.enterprise.inject.Instance<io.socketee.AsyncAllowRequest> asyncAllowRequest;

    @Inject
    jakarta.enterprise.inject.Instance<io.socketee.ResponseHeaders> responseHeaders;

    @Inject
    SocketEeExtension extension;

    @Inject
    jakarta.enterprise.inject.Instance<io.socketee.IdGenerator> idGenerator;

    @Inject
    jakarta.enterprise.inject.spi.BeanManager beanManager;

    @Inject
    jakarta.enterprise.inject.Instance<io.socketee.adapter.AdapterFactory> customAdapters;

    private final ClusterStatus clusterStatus = new ClusterStatus();
    private final Pulse pulse = new Pulse();
    private HandlerInstances handlerInstances;
    private PacketRequestContext requestContexts;
    private SocketIoConfig config;
    private ScheduledExecutorService scheduler;
    private ExecutorService workers;
    /**
     * Closes WebSockets whose peer may not read: Open Liberty's {@code Session.close} waits for a
     * pending write (seen: 6 s), so it runs here, on at most {@link #CLOSER_THREADS} threads of its
     * own, never on a thread that is delivering to other clients or running handlers.
     */
    private ThreadPoolExecutor closer;
    private static final int CLOSER_THREADS = 4;
    /** How long a container's close may take before its connection is ended by force. */
    private static final java.time.Duration CLOSE_GRACE = java.time.Duration.ofSeconds(10);
    private io.socketee.internal.transport.websocket.SessionCloser sessionCloser;
    private SioServer sio;
    private io.socketee.internal.admin.AdminUi adminUi;
    private EngineServer engine;
    private MetricsBinding metrics = MetricsBinding.NONE;
    /** The adapter in use, for the start-up log. */
    private String adapterDescription = "in-memory (one server)";
    private EngineHooks hooks = EngineHooks.NONE;
    private final java.util.List<EngineServer> rawEngines = new java.util.concurrent.CopyOnWriteArrayList<>();

    @PostConstruct
    void start() {
        config = SocketIoConfig.read(key -> mpConfig.getOptionalValue(key, String.class));
        hooks = EngineHooks.of(allowRequest.stream().toList(), asyncAllowRequest.stream().toList(),
                responseHeaders.stream().toList());
        metrics = MetricsBinding.choose(beanManager);
        requestContexts = new PacketRequestContext(beanManager.createInstance().select(RequestContextController.class),
                config.inlineHandlers() ? java.util.Optional.empty() : java.util.Optional.of(new LeftoverRequestContext(
                        this::activeRequestContext)));
        scheduler = new ScheduledThreadPoolExecutor(1, threads("socketee-timer"));
        ((ScheduledThreadPoolExecutor) scheduler).setRemoveOnCancelPolicy(true);
        closer = new ThreadPoolExecutor(CLOSER_THREADS, CLOSER_THREADS, 30, TimeUnit.SECONDS,
                new java.util.concurrent.LinkedBlockingQueue<>(), threads("socketee-closer"));
        closer.allowCoreThreadTimeOut(true);
        sessionCloser = new io.socketee.internal.transport.websocket.SessionCloser(closer, scheduler, CLOSE_GRACE);
        workers = Executors.newFixedThreadPool(Math.max(4, Runtime.getRuntime().availableProcessors() * 4),
                threads("socketee-worker"));
        sio = new SioServer(new SioOptions(config.connectTimeout(), config.maxAttachments(), SioOptions.DEFAULTS.maxDepth(),
                config.cleanupEmptyChildNamespaces(), new SioOptions.Recovery(config.recovery().enabled(),
                config.recovery().maxDisconnectionDuration(), config.recovery().skipMiddlewares()))
                .withHandlersOnDeliveringThread(config.inlineHandlers())
                .withPartialPackets(new SioOptions.PartialPackets(config.engine().maxHttpBufferSize(),
                        config.attachmentTimeout()))
                .withMetrics(metrics.recorder())
                .withParser(config.parser()),
                AppExecutor.create(workers), scheduler, adapters(), requestContexts);
        MiddlewareChains.install(beanManager, sio, config.allNamespaces());
        handlerInstances = new HandlerInstances(beanManager);
        io.socketee.internal.handler.Controllers.of(extension.handlers()).install(sio, handlerInstances);
        pulse.start(scheduler, workers);
        config.admin().ifPresent(a -> adminUi = io.socketee.internal.admin.AdminUi.install(sio, a, workers, scheduler));
        engine = idGenerator.isResolvable()
                ? new EngineServer(engineOptions(), sio, scheduler, workers, new GeneratedIds(idGenerator.get()))
                : new EngineServer(engineOptions(), sio, scheduler, workers, new SessionIds());
        StartupReport report = new StartupReport(config.path(), config.allNamespaces(), extension.handlers(),
                adapterDescription, metrics.api(), io.socketee.internal.config.EffectiveSettings.nonDefault(
                        key -> mpConfig.getOptionalValue(key, String.class)));
        LOG.info(report::text);
    }

    /**
     * The application's {@link io.socketee.adapter.AdapterFactory} bean if it has one (the
     * extension refuses two, or one beside Redis), else the Redis adapter when
     * {@code socketio.adapter=redis}, else the in-memory one.
     */
    private io.socketee.adapter.AdapterFactory adapters() {
        if (customAdapters.isResolvable()) {
            var custom = customAdapters.getHandle();
            adapterDescription = "the application's " + custom.getBean().getBeanClass().getName();
            LOG.info(() -> "SOCKETEE-BOOT-009 adapter: " + adapterDescription);
            return custom.get();
        }
        if (config.redis().isEmpty()) {
            return io.socketee.adapter.AdapterFactory.IN_MEMORY;
        }
        SocketIoConfig.RedisSettings r = config.redis().get();
        adapterDescription = "Redis at " + r.urls().stream().map(u -> io.socketee.internal.config.EffectiveSettings
                .maskedUrl(u.toString())).collect(java.util.stream.Collectors.joining(","))
                + (r.topology().equals("standalone") ? "" : " (" + r.topology() + ")") + ", channel prefix " + r.key();
        var endpoints = new io.socketee.internal.adapter.redis.RedisEndpoints(
                io.socketee.internal.adapter.redis.RedisEndpoints.Topology.of(r.topology()), r.urls(), r.password(),
                r.database(), r.sentinel().map(s -> new io.socketee.internal.adapter.redis.RedisEndpoints.Sentinel(
                        s.master(), s.user(), s.password())));
        if (r.streams().isPresent()) {
            SocketIoConfig.StreamsSettings s = r.streams().get();
            adapterDescription += ", stream " + s.name();
            var recovery = config.recovery();
            var streams = io.socketee.internal.adapter.redis.streams.RedisStreamsAdapters.connect(endpoints,
                    new io.socketee.internal.adapter.redis.streams.StreamsOptions(s.name(), s.maxLen(),
                            s.readCount(), s.blockTime(), r.key(), s.sessionKeyPrefix(), r.requestsTimeout(),
                            s.outboxCapacity()),
                    recovery.enabled() ? java.util.Optional.of(recovery.maxDisconnectionDuration())
                            : java.util.Optional.empty(),
                    scheduler, threads("socketee-redis"), metrics.recorder());
            clusterStatus.link(streams::connected);
            return streams;
        }
        if (r.sharded().isPresent()) {
            adapterDescription += ", sharded Pub/Sub on a Redis Cluster, subscription mode " + r.sharded().get();
            var sharded = io.socketee.internal.adapter.redis.sharded.ShardedRedisAdapters.connect(endpoints,
                    new io.socketee.internal.adapter.redis.sharded.ShardedOptions(r.key(),
                            io.socketee.internal.adapter.redis.sharded.SubscriptionMode.of(r.sharded().get()).orElseThrow(),
                            r.requestsTimeout()),
                    scheduler, threads("socketee-redis"), metrics.recorder());
            clusterStatus.link(sharded::connected);
            return sharded;
        }
        io.socketee.internal.adapter.redis.RedisAdapters redis = io.socketee.internal.adapter.redis.RedisAdapters.connect(
                endpoints, r.key(), r.requestsTimeout(), scheduler, threads("socketee-redis"),
                metrics.recorder());
        clusterStatus.link(redis::connected);
        return redis;
    }

    /** The CDI request context active on the calling thread, if any. */
    private java.util.Optional<Object> activeRequestContext() {
        try {
            return java.util.Optional.of(beanManager.getContext(jakarta.enterprise.context.RequestScoped.class));
        } catch (jakarta.enterprise.context.ContextNotActiveException e) {
            return java.util.Optional.empty();
        }
    }

    /** The beat of the timer and worker threads, for the liveness check. */
    Pulse pulse() {
        return pulse;
    }

    /** Whether this server reaches its cluster: always with the in-memory adapter; with Redis, while subscribed. */
    ClusterStatus clusterStatus() {
        return clusterStatus;
    }

    /** The configured engine options, with the application's hooks of the Socket.IO server. */
    private io.socketee.internal.engine.EngineOptions engineOptions() {
        return hooks.apply("", config.engine().withMetrics(metrics.recorder()));
    }

    @PreDestroy
    void stop() {
        clusterStatus.stopped();
        pulse.stop();
        if (adminUi != null) {
            adminUi.close();
        }
        if (sio != null) {
            sio.close();
        }
        if (handlerInstances != null) {
            handlerInstances.release();
        }
        if (requestContexts != null) {
            requestContexts.release();
        }
        if (engine != null) {
            engine.close();
        }
        rawEngines.forEach(EngineServer::close);
        metrics.close();
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (closer != null) {
            closer.shutdown();
        }
        if (workers != null) {
            workers.shutdown();
            try {
                workers.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            workers.shutdownNow();
        }
    }

    /** The injectable server API. */
    @Produces
    IoServer ioServer() {
        return sio;
    }

    /** The Engine.IO server the transports feed. */
    public EngineServer engine() {
        return engine;
    }

    /**
     * A raw Engine.IO server for an {@code @EngineIoEndpoint}, sharing this runtime's threads, with
     * the endpoint's own settings and the application's hooks of its path.
     */
    EngineServer newRawEngine(io.socketee.engine.EngineIoHandler handler, String path,
            io.socketee.engine.EngineIoEndpoint endpoint) {
        EngineServer raw = new EngineServer(hooks.apply(path, EndpointOptions.apply(endpoint, config.engine())),
                new RawEngineListener(handler, workers), scheduler, workers, new SessionIds());
        rawEngines.add(raw);
        return raw;
    }

    /**
     * Fails when a hook names a path that is not served.
     *
     * @param rawPaths the paths of the application's {@code @EngineIoEndpoint}s
     */
    void checkHookPaths(java.util.Set<String> rawPaths) {
        java.util.List<String> problems = hooks.unservedPaths(rawPaths);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("\n  ", problems));
        }
    }

    /** Closes WebSockets off the caller's thread and ends closes that do not (see {@link #closer}). */
    public io.socketee.internal.transport.websocket.SessionCloser sessionCloser() {
        return sessionCloser;
    }

    /** Where the metrics go, for the start-up log. */
    MetricsBinding metrics() {
        return metrics;
    }

    /** The validated configuration. */
    public SocketIoConfig config() {
        return config;
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
