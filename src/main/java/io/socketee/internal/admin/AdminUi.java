package io.socketee.internal.admin;

import io.socketee.Namespace;
import io.socketee.RemoteSocket;
import io.socketee.Socket;
import io.socketee.internal.config.SocketIoConfig.AdminSettings;
import io.socketee.internal.sio.SioObserver;
import io.socketee.internal.sio.SioServer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server side of {@code @socket.io/admin-ui} 0.5 on one {@link SioServer}, as its
 * {@code instrument(io, options)}: the admin namespace with its authentication, {@code config} and
 * (in development mode) {@code all_sockets} for each UI that connects, {@code server_stats} every
 * {@link #STATS_PERIOD_MILLIS}, and, in development mode, every socket connected, updated
 * (transport) and disconnected, every room joined and left, every event received and sent. Every
 * report is an emit to the admin namespace, so with a cluster adapter each server's reports reach
 * the UIs connected to any server, and the operations (see {@link AdminOperations}) and
 * {@code all_sockets} act on and list the whole cluster.
 *
 * <p>Thread-safe: the observer methods come from any thread; state is in concurrent collections.
 */
public final class AdminUi implements SioObserver, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(AdminUi.class.getName());
    /** How often each server reports its statistics (the reference's period). */
    static final long STATS_PERIOD_MILLIS = 2000;

    private final SioServer server;
    private final AdminSettings settings;
    private final Executor executor;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final AdminAuth auth;
    private final AdminPayloads.ServerIdentity identity;
    private final AggregatedEvents aggregated = new AggregatedEvents();
    /** Session ids earned in the middleware, handed over once the UI's socket is connected. */
    private final Map<Socket, String> newSessions = Collections.synchronizedMap(new WeakHashMap<>());
    private final Namespace admin;
    private volatile ScheduledFuture<?> stats;
    private volatile boolean closed;

    private AdminUi(SioServer server, AdminSettings settings, Executor executor, ScheduledExecutorService scheduler,
            Clock clock, AdminPayloads.ServerIdentity identity) {
        this.server = server;
        this.settings = settings;
        this.executor = executor;
        this.scheduler = scheduler;
        this.clock = clock;
        this.identity = identity;
        this.auth = new AdminAuth(settings.username(), settings.passwordHash(), new AdminSessions(clock::millis));
        this.admin = server.of(settings.namespace());
    }

    /**
     * Instruments {@code server}: creates the admin namespace, observes the server and starts the
     * statistics.
     *
     * @param executor runs the statistics reports
     * @param scheduler times them
     */
    static AdminUi install(SioServer server, AdminSettings settings, Executor executor,
            ScheduledExecutorService scheduler, Clock clock, AdminPayloads.ServerIdentity identity) {
        AdminUi ui = new AdminUi(server, settings, executor, scheduler, clock, identity);
        ui.start();
        return ui;
    }

    /** Instruments {@code server} for this process and host, on the system clock (see the other {@code install}). */
    public static AdminUi install(SioServer server, AdminSettings settings, Executor executor,
            ScheduledExecutorService scheduler) {
        return install(server, settings, executor, scheduler, Clock.systemUTC(), ServerIdentities.of(settings.serverId()));
    }

    private void start() {
        AdminOperations operations = new AdminOperations(server::existing);
        List<String> features = AdminPayloads.features(settings.readonly(), settings.production());
        admin.use(socket -> auth.admit(socket.handshake().auth()).ifPresent(id -> newSessions.put(socket, id)));
        admin.onConnection(socket -> {
            String session = newSessions.remove(socket);
            if (session != null) {
                socket.emit("session", session);
            }
            if (!settings.readonly()) {
                operations.register(socket);
            }
            socket.emit("config", AdminPayloads.config(features));
            if (!settings.production()) {
                allSockets().thenAccept(all -> socket.emit("all_sockets", all));
            }
        });
        server.observe(this);
        executor.execute(this::emitStats);
        scheduleStats();
        if (!auth.required()) {
            LOG.warning(() -> "SOCKETEE-ADMIN-002 the admin UI on " + settings.namespace()
                    + " is open to anyone who reaches the server (socketio.admin.auth.enabled=false)");
        }
        LOG.info(() -> "SOCKETEE-ADMIN-001 admin UI on namespace " + settings.namespace() + " as "
                + identity.serverId() + ", " + (settings.production() ? "production" : "development") + " mode"
                + (settings.readonly() ? ", read-only" : "") + (auth.required() ? ", basic auth" : ", no auth"));
    }

    /** Every socket of every namespace on every server, serialised. */
    CompletableFuture<List<Map<String, Object>>> allSockets() {
        List<CompletableFuture<List<Map<String, Object>>>> parts = new ArrayList<>();
        for (Namespace nsp : server.namespaces()) {
            parts.add(nsp.fetchSockets().toCompletableFuture().thenApply(sockets -> serialize(nsp.name(), sockets)));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<Map<String, Object>> all = new ArrayList<>();
            parts.forEach(p -> all.addAll(p.join()));
            return all;
        }).whenComplete((all, failure) -> {
            if (failure != null) {
                LOG.log(Level.WARNING, "SOCKETEE-ADMIN-004 the admin UI could not list the sockets", failure);
            }
        });
    }

    private static List<Map<String, Object>> serialize(String nsp, List<RemoteSocket> sockets) {
        List<Map<String, Object>> out = new ArrayList<>(sockets.size());
        for (RemoteSocket s : sockets) {
            out.add(AdminPayloads.socket(s.id(), nsp, s.data(), s.handshake(), s.rooms()));
        }
        return out;
    }

    /** Times the next statistics; the timer thread only hands them to the executor. */
    private void scheduleStats() {
        if (!closed) {
            stats = scheduler.schedule(() -> executor.execute(() -> {
                emitStats();
                scheduleStats();
            }), STATS_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Sends this server's statistics to the UIs. */
    void emitStats() {
        List<Map<String, Object>> namespaces = new ArrayList<>();
        for (Namespace nsp : server.namespaces()) {
            namespaces.add(AdminPayloads.namespace(nsp.name(), nsp.sockets().size()));
        }
        double uptime = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
        send("server_stats", AdminPayloads.serverStats(identity, uptime, server.connectionCount(),
                server.pollingConnectionCount(), aggregated.drain(clock.millis()), namespaces));
    }

    private void send(String event, Object... args) {
        try {
            admin.emit(event, args);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "SOCKETEE-ADMIN-005 the admin UI's " + event + " was not sent", e);
        }
    }

    private String now() {
        return AdminPayloads.date(clock.instant());
    }

    private boolean development() {
        return !settings.production();
    }

    // ---- SioObserver ----

    @Override
    public void onSocketConnected(Socket socket, String clientId, String transport) {
        if (!development()) {
            return;
        }
        String nsp = socket.namespace().name();
        socket.data().put(AdminPayloads.ADMIN_DATA, AdminPayloads.adminData(clientId, transport));
        send("socket_connected", AdminPayloads.socket(socket.id(), nsp, socket.data(), socket.handshake(),
                socket.rooms()), now());
        socket.onDisconnect((s, reason) -> send("socket_disconnected", nsp, s.id(), reason.wireName(), now()));
        if (!nsp.equals(admin.name())) {
            socket.onAny((s, event, args, ack) -> send("event_received", nsp, s.id(), withEvent(event, args), now()));
            socket.onAnyOutgoing((s, event, args) -> send("event_sent", nsp, s.id(), withEvent(event, args), now()));
        }
    }

    private static List<Object> withEvent(String event, List<Object> args) {
        List<Object> all = new ArrayList<>(args.size() + 1);
        all.add(event);
        all.addAll(args);
        return all;
    }

    @Override
    public void onRoomJoined(String namespace, String room, String sid) {
        if (development()) {
            send("room_joined", namespace, room, sid, now());
        }
    }

    @Override
    public void onRoomLeft(String namespace, String room, String sid) {
        if (development()) {
            send("room_left", namespace, room, sid, now());
        }
    }

    @Override
    public void onConnectionOpened(String clientId, String transport) {
        aggregated.add(clock.millis(), "rawConnection", null, 1);
    }

    @Override
    public void onConnectionUpgraded(String clientId, String transport, List<Socket> sockets) {
        if (!development()) {
            return;
        }
        for (Socket socket : sockets) {
            socket.data().put(AdminPayloads.ADMIN_DATA, AdminPayloads.adminData(clientId, transport));
            send("socket_updated", AdminPayloads.transportUpdate(socket.id(), socket.namespace().name(), transport));
        }
    }

    @Override
    public void onConnectionClosed(String clientId, String reason) {
        aggregated.add(clock.millis(), "rawDisconnection", reason, 1);
    }

    @Override
    public void onMessageIn(Object message) {
        long now = clock.millis();
        aggregated.add(now, "packetsIn", null, 1);
        aggregated.add(now, "bytesIn", null, AggregatedEvents.size(message));
    }

    @Override
    public void onMessagesOut(List<Object> messages) {
        long now = clock.millis();
        long bytes = 0;
        for (Object m : messages) {
            bytes += AggregatedEvents.size(m);
        }
        aggregated.add(now, "packetsOut", null, messages.size());
        aggregated.add(now, "bytesOut", null, bytes);
    }

    /** Stops the statistics; the namespace stays until the server closes. */
    @Override
    public void close() {
        closed = true;
        ScheduledFuture<?> s = stats;
        if (s != null) {
            s.cancel(false);
        }
    }
}
