package io.socketee.internal.sio;

import io.socketee.RejectedException;
import io.socketee.DisconnectReason;
import io.socketee.adapter.RestoredSession;
import io.socketee.internal.concurrent.SerialExecutor;
import io.socketee.internal.engine.EngineSocket;
import io.socketee.internal.engine.EngineSocketHandler;
import io.socketee.internal.mapping.JsonMapper;
import io.socketee.internal.protocol.ProtocolException;
import io.socketee.internal.protocol.json.Json;
import io.socketee.internal.protocol.socketio.PacketDecoder;
import io.socketee.internal.protocol.socketio.SocketIoPacket;
import io.socketee.internal.protocol.socketio.SocketIoPacketType;
import io.socketee.internal.protocol.socketio.SocketIoVersion;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One Engine.IO session seen as Socket.IO: decodes its packets and routes them to its sockets, one
 * per joined namespace.
 *
 * <p>Thread-safe by confinement: the engine's callbacks only queue work on this client's
 * {@link SerialExecutor}, and all state changes (decoding, joining, leaving, closing) run there,
 * as do the application's listeners. {@link #send} and {@link #write} may be called from any
 * thread.
 */
final class Client implements EngineSocketHandler {
    private static final Logger LOG = Logger.getLogger(Client.class.getName());

    private final SioServer server;
    private final EngineSocket conn;
    private final SocketIds ids;
    private final SocketIoVersion version;
    private final SerialExecutor serial;
    private final PacketDecoder decoder;
    /** The connected socket of each joined namespace, in join order; serial executor only. */
    private final Map<String, SioSocket> nsps = new LinkedHashMap<>();
    private ScheduledFuture<?> connectTimer; // serial executor only
    /** The deadline of the binary packet waiting for attachments, if one waits; serial executor only. */
    private ScheduledFuture<?> partialTimer;
    /** Counts the partial packets timed so far, so a deadline that fired late spares the next; serial only. */
    private long partialPackets;
    private boolean destroyed; // serial executor only
    /** The polling request that carried the packet being handled, if any; serial executor only. */
    private io.socketee.ConnectionRequest carrier;

    Client(SioServer server, EngineSocket conn) {
        this.server = server;
        this.conn = conn;
        this.ids = server.ids();
        this.version = SocketIoVersion.of(conn.version());
        this.serial = new SerialExecutor(server.executor(), server.scope());
        this.decoder = server.options().parser().newDecoder(version, server.options().maxAttachments(),
                server.options().partialPackets().maxBytes(), server.options().maxDepth());
    }

    /** Takes over the session: handler, connect timeout, and for Socket.IO 2 clients the implicit "/". */
    void start() {
        // queued before the handler is set, so it runs before any packet of the client
        serial.execute(() -> {
            if (destroyed) {
                return;
            }
            long millis = server.options().connectTimeout().toMillis();
            connectTimer = server.scheduler().schedule(
                    () -> serial.execute(this::onConnectTimeout), millis, TimeUnit.MILLISECONDS);
            if (version == SocketIoVersion.V4) {
                connect("/", Map.of());
            }
        });
        conn.setHandler(this);
    }

    // ---- engine callbacks: run here when allowed and idle, else queue ----

    @Override
    public void onText(String message) {
        server.observer().onMessageIn(message);
        receive(carried(() -> onData(() -> decoder.addText(message))));
    }

    @Override
    public void onBinary(byte[] message) {
        server.observer().onMessageIn(message);
        receive(carried(() -> onData(() -> decoder.addBinary(message))));
    }

    /** {@code task}, run with the polling request that carries the message being delivered now, if any. */
    private Runnable carried(Runnable task) {
        Optional<io.socketee.ConnectionRequest> request = conn.currentRequest()
                .map(ConnectionRequests::of);
        if (request.isEmpty()) {
            return task;
        }
        return () -> {
            carrier = request.get();
            try {
                task.run();
            } finally {
                carrier = null;
            }
        };
    }

    /** The polling request that carried the packet being handled: on the serial executor only, else empty. */
    Optional<io.socketee.ConnectionRequest> currentRequest() {
        return serial.inCurrentThread() ? Optional.ofNullable(carrier) : Optional.empty();
    }

    private void receive(Runnable task) {
        if (server.options().handlersOnDeliveringThread()) {
            serial.executeHere(task);
        } else {
            serial.execute(task);
        }
    }

    @Override
    public void onClose(String reason) {
        server.observer().onConnectionClosed(conn.id(), reason);
        DisconnectReason r = DisconnectReason.fromWireName(reason).orElse(DisconnectReason.TRANSPORT_ERROR);
        serial.execute(() -> onClose(r));
    }

    @Override
    public void onUpgrade(String transport) {
        serial.execute(() -> server.observer().onConnectionUpgraded(conn.id(), transport,
                List.<io.socketee.Socket>copyOf(nsps.values())));
    }

    // ---- serial executor ----

    /** Runs {@code task} now when on this client's serial executor, else queues it there. */
    void runSerially(Runnable task) {
        if (serial.inCurrentThread()) {
            task.run();
        } else {
            serial.execute(task);
        }
    }

    private void onData(Supplier<Optional<SocketIoPacket>> decode) {
        // not conn.isOpen(): a packet that arrived before the close (a "41" just before the client
        // closes its WebSocket) must still be handled, in order, before the close itself
        if (destroyed) {
            return;
        }
        Optional<SocketIoPacket> packet;
        try {
            packet = decode.get();
        } catch (ProtocolException e) {
            if (e.kind() == ProtocolException.Kind.PARSER_MISMATCH) {
                server.parserMismatch().report(conn.id(), e.getMessage());
            } else {
                LOG.log(Level.FINE, "invalid Socket.IO packet from " + conn.id() + ": " + e.getMessage());
            }
            cancelPartialTimer();
            conn.close(); // the engine reports "forced close", which closes the sockets
            return;
        }
        timePartialPacket();
        packet.ifPresent(this::onPacket);
    }

    /**
     * Starts the deadline of a binary packet whose header just came, or stops it once the packet
     * is complete. A packet whose attachments do not all come in time closes the connection, as
     * a malformed one does.
     */
    private void timePartialPacket() {
        if (!decoder.isReconstructing()) {
            cancelPartialTimer();
        } else if (partialTimer == null) {
            long packet = ++partialPackets;
            partialTimer = server.scheduler().schedule(() -> serial.execute(() -> onPartialTimeout(packet)),
                    server.options().partialPackets().timeout().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void onPartialTimeout(long packet) {
        if (destroyed || packet != partialPackets || partialTimer == null) {
            return;
        }
        partialTimer = null;
        LOG.fine(() -> "attachments of a binary packet did not come in time; closing " + conn.id());
        decoder.reset();
        conn.close();
    }

    private void cancelPartialTimer() {
        if (partialTimer != null) {
            partialTimer.cancel(false);
            partialTimer = null;
        }
    }

    private void onPacket(SocketIoPacket packet) {
        String namespace = packet.nsp();
        Map<String, Object> auth;
        if (version == SocketIoVersion.V4) {
            int q = namespace.indexOf('?');
            auth = q < 0 ? Map.of() : Handshakes.parseQuery(namespace.substring(q + 1));
            namespace = q < 0 ? namespace : namespace.substring(0, q);
        } else {
            auth = packet.data() instanceof Json.Obj ? asMap(packet.data()) : Map.of();
        }
        SioSocket socket = nsps.get(namespace);
        boolean connectType = packet.type() == SocketIoPacketType.CONNECT
                || packet.type() == SocketIoPacketType.CONNECT_ERROR;
        if (socket == null && packet.type() == SocketIoPacketType.CONNECT) {
            connect(namespace, auth);
        } else if (socket != null && !connectType) {
            socket.onPacket(packet);
        } else {
            LOG.fine(() -> "packet " + packet.type() + " for " + packet.nsp() + " in a wrong state; closing "
                    + conn.id());
            close();
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> asMap(Json obj) {
        return (Map<String, Object>) server.mapper().toJava(obj);
    }

    private void connect(String name, Map<String, Object> auth) {
        Optional<SioNamespace> nsp = server.namespace(name, auth);
        if (nsp.isEmpty()) {
            Json error = new Json.Obj(Map.of("message", Json.of("Invalid namespace")));
            send(new SocketIoPacket(SocketIoPacketType.CONNECT_ERROR, name, SocketIoPacket.NO_ID, error));
            return;
        }
        doConnect(nsp.get(), auth);
    }

    private void doConnect(SioNamespace nsp, Map<String, Object> auth) {
        boolean recovery = version == SocketIoVersion.V5 && server.options().recovery().enabled();
        Optional<RestoredSession> restored = recovery ? restore(nsp, auth) : Optional.empty();
        String id = restored.map(r -> r.session().sid()).orElseGet(() -> version == SocketIoVersion.V4
                ? ("/".equals(nsp.name()) ? conn.id() : nsp.name() + "#" + conn.id())
                : ids.next());
        String pid = recovery ? restored.map(r -> r.session().pid()).orElseGet(ids::next) : null;
        SioSocket socket = new SioSocket(nsp, this, id,
                Handshakes.of(conn.request(), auth, Instant.now(), server.zone()), pid, restored.isPresent());
        boolean skip = restored.isPresent() && server.options().recovery().skipMiddlewares();
        Optional<RejectedException> refusal = skip ? Optional.empty() : nsp.admit(socket);
        if (destroyed || !conn.isOpen()) {
            socket.cleanup();
            return;
        }
        if (refusal.isPresent()) {
            socket.cleanup();
            send(new SocketIoPacket(SocketIoPacketType.CONNECT_ERROR, nsp.name(), SocketIoPacket.NO_ID,
                    refusalPayload(refusal.get())));
            return;
        }
        if (!nsp.add(socket)) {
            // an emptied child namespace was dropped meanwhile: ask again, which may create it anew
            socket.cleanup();
            connect(nsp.name(), auth);
            return;
        }
        socket.onConnect(restored);
        nsps.put(nsp.name(), socket);
        cancelConnectTimer();
        nsp.fireConnection(socket);
    }

    /** The CONNECT_ERROR payload: {message, data} in v5; in v4 the data when truthy, else the message. */
    private Json refusalPayload(RejectedException refusal) {
        String message = String.valueOf(refusal.getMessage());
        // a CONNECT_ERROR has no attachments: binary goes as arrays of bytes
        Optional<Json> data = refusal.data().map(server.mapper()::toJson).map(JsonMapper::binaryAsBytes);
        if (version == SocketIoVersion.V4) {
            return data.filter(Client::truthy).orElse(Json.of(message));
        }
        Map<String, Json> fields = new LinkedHashMap<>();
        fields.put("message", Json.of(message));
        data.ifPresent(d -> fields.put("data", d));
        return new Json.Obj(fields);
    }

    /** JavaScript truthiness of a JSON value. */
    private static boolean truthy(Json value) {
        if (value instanceof Json.Bool b) {
            return b.value();
        }
        if (value instanceof Json.Num n) {
            return n.value() != 0 && !Double.isNaN(n.value());
        }
        if (value instanceof Json.Str s) {
            return !s.value().isEmpty();
        }
        return !(value instanceof Json.Null);
    }

    /** The session {@code auth} asks to recover ({@code pid} and {@code offset} strings), if still kept. */
    private static Optional<RestoredSession> restore(SioNamespace nsp, Map<String, Object> auth) {
        if (auth.get("pid") instanceof String pid && auth.get("offset") instanceof String offset) {
            return nsp.adapter().restoreSession(pid, offset);
        }
        return Optional.empty();
    }

    /**
     * The CONNECT answer for a socket that joined: v5 carries the socket id, and with recovery the
     * private session id; v4 nothing.
     */
    SocketIoPacket connectPacket(String nsp, String sid, String pid) {
        Json data = null;
        if (version == SocketIoVersion.V5) {
            Map<String, Json> fields = new LinkedHashMap<>();
            fields.put("sid", Json.of(sid));
            if (pid != null) {
                fields.put("pid", Json.of(pid));
            }
            data = new Json.Obj(fields);
        }
        return new SocketIoPacket(SocketIoPacketType.CONNECT, nsp, SocketIoPacket.NO_ID, data);
    }

    private void onConnectTimeout() {
        connectTimer = null;
        if (!destroyed && nsps.isEmpty()) {
            LOG.fine(() -> "no namespace joined in time; closing " + conn.id());
            close();
        }
    }

    private void cancelConnectTimer() {
        if (connectTimer != null) {
            connectTimer.cancel(false);
            connectTimer = null;
        }
    }

    /** Forgets a socket that left its namespace. */
    void remove(SioSocket socket) {
        nsps.remove(socket.namespace().name(), socket);
    }

    /** Disconnects every socket (each told), then closes the connection. */
    void disconnectAll() {
        for (SioSocket socket : List.copyOf(nsps.values())) {
            socket.disconnectNow(false);
        }
        nsps.clear();
        close();
    }

    /** Closes the connection from the server side: remaining sockets see "forced server close". */
    void close() {
        if (conn.isOpen()) {
            conn.close();
            onClose(DisconnectReason.FORCED_SERVER_CLOSE);
        }
    }

    /** Server shutdown: every socket sees "server shutting down", then the connection closes. */
    void shutdown() {
        runSerially(() -> {
            onClose(DisconnectReason.SERVER_SHUTTING_DOWN);
            conn.close();
        });
    }

    private void onClose(DisconnectReason reason) {
        if (destroyed) {
            return;
        }
        destroyed = true;
        cancelConnectTimer();
        cancelPartialTimer();
        server.forget(this);
        for (SioSocket socket : List.copyOf(nsps.values())) {
            socket.onClose(reason);
        }
        nsps.clear();
        decoder.reset();
    }

    // ---- any thread ----

    /** Encodes and sends one packet; dropped when the connection is closed. */
    void send(SocketIoPacket packet) {
        if (conn.isOpen()) {
            List<Object> messages = server.encode(packet);
            server.observer().onMessagesOut(messages);
            conn.sendAll(messages);
        }
    }

    /** The HTTP session of the handshake request, if it had one. */
    Optional<jakarta.servlet.http.HttpSession> httpSession() {
        return conn.request().httpSession()
                .filter(jakarta.servlet.http.HttpSession.class::isInstance)
                .map(jakarta.servlet.http.HttpSession.class::cast);
    }

    /** Whether the transport can take a message right now (for volatile packets). */
    boolean writable() {
        return conn.writable();
    }

    /** Sends already encoded messages (a broadcast's); dropped when the connection is closed. */
    void write(List<Object> messages) {
        server.observer().onMessagesOut(messages);
        conn.sendAll(messages);
    }

    /** The Engine.IO session id. */
    String engineId() {
        return conn.id();
    }

    /** The transport's name now: "polling" or "websocket". */
    String transportName() {
        return conn.transportName();
    }

    /** Whether the connection is on HTTP long-polling now. */
    boolean polling() {
        return "polling".equals(conn.transportName());
    }
}
