package io.socketee.internal.sio;

import io.socketee.BroadcastOperator;
import io.socketee.IoServer;
import io.socketee.Namespace;
import io.socketee.internal.engine.EngineListener;
import io.socketee.internal.engine.EngineSocket;
import io.socketee.internal.engine.EngineSocketHandler;
import io.socketee.internal.protocol.socketio.SocketIoEncoder;
import io.socketee.internal.protocol.socketio.SocketIoPacket;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
public final class SioServer implements EngineListener, IoServer, AutoCloseable {

    private final SioOptions options;
    private final Executor executor;
    private final ScheduledExecutorService scheduler;
    private final JsonMapper mapper = new JsonMapper();
    private final SocketIds ids = new SocketIds();
    private final ZoneId zone = ZoneId.systemDefault();
    private final Map<String, SioNamespace> namespaces = new ConcurrentHashMap<>();
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
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
        this.options = Objects.requireNonNull(options, "options");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        of("/");
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
        client.start();
    }

    @Override
    public Namespace of(String name) {
        Objects.requireNonNull(name, "name");
        String normal = name.startsWith("/") ? name : "/" + name;
        return namespaces.computeIfAbsent(normal, n -> new SioNamespace(this, n));
    }

    @Override
    public IoServer onConnection(Namespace.ConnectionListener listener) {
        main().onConnection(listener);
        return this;
    }

    @Override
    public IoServer use(Namespace.Middleware middleware) {
        main().use(middleware);
        return this;
    }

    @Override
    public BroadcastOperator to(String room) {
        return main().to(room);
    }

    @Override
    public BroadcastOperator in(String room) {
        return main().in(room);
    }

    @Override
    public BroadcastOperator except(String room) {
        return main().except(room);
    }

    @Override
    public BroadcastOperator local() {
        return main().local();
    }

    @Override
    public void emit(String event, Object... args) {
        main().emit(event, args);
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
        mapper.close();
    }

    private SioNamespace main() {
        return namespaces.get("/");
    }

    Optional<SioNamespace> namespace(String name) {
        return Optional.ofNullable(namespaces.get(name));
    }

    /** The messages that carry {@code packet}: its text, then its attachments. */
    List<Object> encode(SocketIoPacket packet) {
        SocketIoEncoder.Encoded encoded = SocketIoEncoder.encode(packet);
        List<Object> messages = new ArrayList<>(1 + encoded.attachments().size());
        messages.add(encoded.text());
        messages.addAll(encoded.attachments());
        return List.copyOf(messages);
    }

    void forget(Client client) {
        clients.remove(client);
    }

    SioOptions options() {
        return options;
    }

    Executor executor() {
        return executor;
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
