package io.socketee.internal.sio;

import io.socketee.internal.concurrent.HandlerScope;
import io.socketee.adapter.AdapterFactory;

import io.socketee.BroadcastOperator;
import io.socketee.IoServer;
import io.socketee.Namespace;
import io.socketee.NamespaceMatcher;
import io.socketee.Socket;
import io.socketee.internal.engine.EngineListener;
import io.socketee.internal.engine.EngineSocket;
import io.socketee.internal.engine.EngineSocketHandler;
import io.socketee.internal.mapping.JsonMapper;
import io.socketee.internal.protocol.socketio.SocketIoPacket;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The Socket.IO server: told of each Engine.IO session by the engine, it serves the namespaces
 * the application declares. The bootstrap constructs one per application, hands it to the engine
 * as its {@link EngineListener}, exposes it as the {@link IoServer} bean and calls {@link #close()}
 * on shutdown.
 *
 * <p>Thread-safe. Application listeners run on {@code executor}, serially per connection;
 * timeouts are scheduled on {@code scheduler}, whose threads only queue work.
 */
public final class SioServer extends DelegatingOperator implements EngineListener, IoServer, AutoCloseable {

    private final SioOptions options;
    private final Executor executor;
    private final ScheduledExecutorService scheduler;
    private final AdapterFactory adapters;
    private final HandlerScope scope;
    private final JsonMapper mapper = new JsonMapper();
    private final SocketIds ids = new SocketIds();
    private final ZoneId zone = ZoneId.systemDefault();
    private final Map<String, SioNamespace> namespaces = new ConcurrentHashMap<>();
    private final List<ParentNamespace> parents = new CopyOnWriteArrayList<>();
    /** The parents made by {@link #of(Pattern)}, by flags and source, so that one pattern is one parent. */
    private final Map<String, ParentNamespace> parentsByPattern = new ConcurrentHashMap<>();
    private final AtomicInteger parentCount = new AtomicInteger();
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final ParserMismatchLog parserMismatch;
    private volatile SioObserver observer = SioObserver.NONE;
    private volatile boolean closed;

    /**
     * Creates the server with its main namespace "/".
     *
     * @param options the Socket.IO settings
     * @param executor runs application listeners; must not run tasks on the calling thread when
     *     that is a container I/O thread (a managed executor service is right)
     * @param scheduler runs connect and acknowledgement timeouts; its tasks are short
     */
    public SioServer(SioOptions options, Executor executor, ScheduledExecutorService scheduler) {
        this(options, executor, scheduler, AdapterFactory.IN_MEMORY);
    }

    /**
     * Creates the server with its main namespace "/" and the adapters {@code adapters} makes (a
     * cluster adapter, for one).
     */
    public SioServer(SioOptions options, Executor executor, ScheduledExecutorService scheduler,
            AdapterFactory adapters) {
        this(options, executor, scheduler, adapters, HandlerScope.NONE);
    }

    /**
     * Creates the server with its main namespace "/", the adapters {@code adapters} makes, and
     * each unit of a client's work (a packet, a lifecycle change, an acknowledgement timeout) run
     * inside {@code scope}.
     */
    public SioServer(SioOptions options, Executor executor, ScheduledExecutorService scheduler,
            AdapterFactory adapters, HandlerScope scope) {
        this.options = Objects.requireNonNull(options, "options");
        this.parserMismatch = new ParserMismatchLog(options.parser());
        this.executor = Objects.requireNonNull(executor, "executor");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.adapters = Objects.requireNonNull(adapters, "adapters");
        this.scope = Objects.requireNonNull(scope, "scope");
        of("/");
    }

    AdapterFactory adapters() {
        return adapters;
    }

    @Override
    public void onConnection(EngineSocket socket) {
        if (closed) {
            socket.setHandler(EngineSocketHandler.IGNORE);
            socket.close();
            return;
        }
        Client client = new Client(this, socket);
        clients.add(client);
        observer.onConnectionOpened(socket.id(), socket.transportName());
        client.start();
    }

    @Override
    public Namespace of(String name) {
        Objects.requireNonNull(name, "name");
        String normal = name.startsWith("/") ? name : "/" + name;
        return namespaces.computeIfAbsent(normal, n -> new SioNamespace(this, n, Optional.empty()));
    }

    /** Makes {@code observer} the one observer of this server, from now on. */
    public void observe(SioObserver observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    /** The observer, {@link SioObserver#NONE} unless one was set. */
    SioObserver observer() {
        return observer;
    }

    /** A snapshot of the namespaces that exist now (children of dynamic namespaces included, parents not). */
    public List<Namespace> namespaces() {
        return List.copyOf(namespaces.values());
    }

    /** The namespace {@code name} if it exists; never creates one. */
    public Optional<Namespace> existing(String name) {
        return Optional.ofNullable(namespaces.get(name));
    }

    /** How many Engine.IO connections the server holds now. */
    public int connectionCount() {
        return clients.size();
    }

    /** How many of them are on HTTP long-polling now. */
    public int pollingConnectionCount() {
        return (int) clients.stream().filter(Client::polling).count();
    }

    /**
     * The parent for {@code pattern}; the same one for a pattern with the same source and flags,
     * so that handler beans, configuration and the application reach one dynamic namespace (the
     * reference makes a parent per call, of which only the first would ever get children).
     */
    @Override
    public Namespace of(Pattern pattern) {
        Objects.requireNonNull(pattern, "pattern");
        return parentsByPattern.computeIfAbsent(pattern.flags() + ":" + pattern.pattern(),
                k -> (ParentNamespace) of((NamespaceMatcher) (name, auth) -> pattern.matcher(name).find()));
    }

    @Override
    public Namespace of(NamespaceMatcher matcher) {
        ParentNamespace parent = new ParentNamespace(this, "/_" + parentCount.getAndIncrement(), matcher);
        parents.add(parent);
        return parent;
    }

    @Override
    public String name() {
        return "/";
    }

    @Override
    public IoServer onConnection(Namespace.ConnectionListener listener) {
        main().onConnection(listener);
        return this;
    }

    @Override
    public IoServer use(Namespace.ConnectionCheck check) {
        main().use(check);
        return this;
    }

    @Override
    public Map<String, Socket> sockets() {
        return main().sockets();
    }

    @Override
    public void serverSideEmit(String event, Object... args) {
        main().serverSideEmit(event, args);
    }

    @Override
    public CompletionStage<List<Object>> serverSideEmitWithAck(Duration timeout, String event, Object... args) {
        return main().serverSideEmitWithAck(timeout, event, args);
    }

    @Override
    public CompletionStage<java.util.Set<String>> allRooms() {
        return main().allRooms();
    }

    @Override
    public Namespace onServerSideEmit(String event, ServerSideListener listener) {
        return main().onServerSideEmit(event, listener);
    }

    @Override
    BroadcastOperator operator() {
        return main().operator();
    }

    /** Makes every incoming event of namespace {@code name} (created if needed) pass {@code gate} first. */
    public void packetGate(String name, PacketGate gate) {
        packetGate(of(name), gate);
    }

    /**
     * Makes every incoming event of {@code nsp}, a namespace of this server, pass {@code gate}
     * first; for a parent ({@link #of(Pattern)}), every event of each of its children.
     */
    public void packetGate(Namespace nsp, PacketGate gate) {
        ((AbstractNamespace) nsp).packetGate(Objects.requireNonNull(gate, "gate"));
    }

    /**
     * Shuts down: every socket sees "server shutting down" and every connection is closed; later
     * connections are closed at once.
     */
    @Override
    public void close() {
        closed = true;
        for (Client client : new ArrayList<>(clients)) {
            client.shutdown();
        }
        namespaces.values().forEach(n -> {
            n.unpublish();
            n.adapter().close();
        });
        adapters.close();
        mapper.close();
    }

    private SioNamespace main() {
        return namespaces.get("/");
    }

    /**
     * The namespace a client asks for: an existing one, else a new child of the first dynamic
     * namespace that accepts the name and auth, else none.
     */
    Optional<SioNamespace> namespace(String name, Map<String, Object> auth) {
        SioNamespace existing = namespaces.get(name);
        if (existing != null) {
            return Optional.of(existing);
        }
        for (ParentNamespace parent : parents) {
            if (parent.matches(name, auth)) {
                return Optional.of(namespaces.computeIfAbsent(name, parent::createChild));
            }
        }
        return Optional.empty();
    }

    /** Drops a child namespace whose last socket left. */
    void dropChild(SioNamespace child, ParentNamespace parent) {
        if (namespaces.remove(child.name(), child)) {
            child.unpublish();
            child.adapter().close();
        }
        parent.forget(child);
    }

    /** The messages that carry {@code packet}, as the configured parser writes them. */
    List<Object> encode(SocketIoPacket packet) {
        return options.parser().encode(packet);
    }

    void forget(Client client) {
        clients.remove(client);
    }

    /** Where clients of the other parser are reported. */
    ParserMismatchLog parserMismatch() {
        return parserMismatch;
    }

    SioOptions options() {
        return options;
    }

    Executor executor() {
        return executor;
    }

    HandlerScope scope() {
        return scope;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    JsonMapper mapper() {
        return mapper;
    }

    SocketIds ids() {
        return ids;
    }

    ZoneId zone() {
        return zone;
    }
}
