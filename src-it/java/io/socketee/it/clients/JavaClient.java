package io.socketee.it.clients;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Manager;
import io.socket.client.Socket;
import io.socket.engineio.client.Transport;
import io.socket.parser.Packet;
import io.socket.thread.EventThread;
import java.lang.reflect.Field;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import okhttp3.OkHttpClient;

/**
 * One socket of the official Java client (io.socket:socket.io-client 2.x, Engine.IO 4), with
 * waiting helpers that fail after a step timeout instead of hanging.
 *
 * <p>The client delivers every callback on its single event thread; this wrapper only completes
 * futures and appends to a monitor-guarded inbox there. Thread-safe.
 */
final class JavaClient implements AutoCloseable {
    static final Duration STEP = Duration.ofSeconds(10);

    private final Socket socket;
    private final String tag;
    private final TransportMode mode;
    private final CompletableFuture<String> initialTransport = new CompletableFuture<>();
    private final CompletableFuture<String> upgraded = new CompletableFuture<>();
    private final List<String> upgrades = new CopyOnWriteArrayList<>();
    private final List<String> transportsCreated = new CopyOnWriteArrayList<>();
    private final List<Packet> packets = new CopyOnWriteArrayList<>();
    private final List<String> history = new CopyOnWriteArrayList<>();
    private final CompletableFuture<String> disconnected = new CompletableFuture<>();
    private final CompletableFuture<Object> connected = new CompletableFuture<>();
    private final List<Received> inbox = new ArrayList<>();
    private volatile io.socket.engineio.client.Socket engine;

    /** An event the client received: its name and its arguments as plain values. */
    record Received(String event, List<Object> args) {
    }

    /** Creates (but does not connect) a socket for namespace {@code nsp} of the server at {@code base}. */
    JavaClient(URI base, String nsp, boolean withToken, TransportMode mode, String tag, OkHttpClient http) {
        this(IO.socket(URI.create(base.getScheme() + "://" + base.getRawAuthority() + nsp), options(base, withToken, mode, http)),
                mode, tag);
        Manager manager = socket.io();
        manager.on(Manager.EVENT_TRANSPORT, args -> onTransport((Transport) args[0], manager));
        manager.on(Manager.EVENT_PACKET, args -> packets.add((Packet) args[0]));
        manager.on(Manager.EVENT_ERROR, args -> history.add("manager error " + (args.length > 0 ? args[0] : "")));
        manager.on(Manager.EVENT_CLOSE, args -> history.add("manager closed: " + (args.length > 0 ? args[0] : "")));
    }

    private JavaClient(Socket socket, TransportMode mode, String tag) {
        this.socket = socket;
        this.mode = mode;
        this.tag = tag;
        socket.on(Socket.EVENT_CONNECT, args -> connected.complete(Boolean.TRUE));
        socket.on(Socket.EVENT_CONNECT_ERROR, args -> connected.complete(new Refusal(args.length > 0 ? args[0] : null)));
        socket.on(Socket.EVENT_DISCONNECT, args -> disconnected.complete(args.length > 0 ? String.valueOf(args[0]) : null));
    }

    /**
     * Creates (but does not connect) a socket for namespace {@code nsp} on this client's
     * connection: its packets come on the same Engine.IO session, in the order the server sent them.
     */
    JavaClient alongside(String nsp) {
        return new JavaClient(socket.io().socket(nsp), mode, tag);
    }

    private static IO.Options options(URI base, boolean withToken, TransportMode mode, OkHttpClient http) {
        IO.Options options = new IO.Options();
        String root = base.getRawPath().endsWith("/") ? base.getRawPath() : base.getRawPath() + "/";
        options.path = root + "socket.io";
        options.transports = mode.transports().toArray(String[]::new);
        options.upgrade = mode.upgrades();
        options.rememberUpgrade = false;
        options.forceNew = true;
        options.reconnection = false;
        options.timeout = STEP.toMillis();
        options.callFactory = http;
        options.webSocketFactory = http;
        if (withToken) {
            options.auth = Map.of("token", "secret");
        }
        return options;
    }

    /** The client's connection state, for failure messages. */
    String state() {
        io.socket.engineio.client.Socket current = engine;
        return "socket " + (socket.connected() ? "connected" : "not connected") + " id=" + socket.id()
                + ", engine " + (current == null ? "none" : "id=" + current.id())
                + (history.isEmpty() ? "" : ", then " + String.join("; ", history));
    }

    /** What the client reported instead of connecting. */
    record Refusal(Object payload) {
    }

    /** Connects and waits for "connect" (and, in upgrade mode, for the upgrade to WebSocket). */
    JavaClient ready() {
        socket.connect();
        Object outcome = await(connected, "connect", this);
        if (outcome instanceof Refusal refusal) {
            throw new AssertionError("connection refused: " + JsonValues.plain(refusal.payload()));
        }
        if (mode.upgrades()) {
            await(upgraded, "upgrade to websocket", this);
        }
        return this;
    }

    /** Connects and returns the connect_error payload as a plain value; fails if it connects. */
    Object refusal() {
        socket.connect();
        Object outcome = await(connected, "connection refusal");
        if (!(outcome instanceof Refusal refusal)) {
            throw new AssertionError("connected although it should have been refused");
        }
        return JsonValues.plain(refusal.payload());
    }

    Socket socket() {
        return socket;
    }

    String id() {
        return socket.id();
    }

    String initialTransport() {
        return await(initialTransport, "first transport");
    }

    List<String> upgrades() {
        return List.copyOf(upgrades);
    }

    /**
     * The name of every transport the client has created so far, in order, upgrade probes
     * included. The client starts every probe when its engine opens, before any Socket.IO packet
     * is handled, so once it is connected this is every transport it will ever create.
     */
    List<String> transportsCreated() {
        return List.copyOf(transportsCreated);
    }

    /** The type of every Socket.IO packet of namespace {@code nsp} this client's connection has received, in order. */
    List<Integer> packetTypes(String nsp) {
        return packets.stream().filter(p -> nsp.equals(p.nsp)).map(p -> p.type).toList();
    }

    String disconnectReason() {
        return await(disconnected, "disconnect", this);
    }

    /** The name of the transport the engine uses now, read on the client's event thread. */
    String transportName() {
        CompletableFuture<String> name = new CompletableFuture<>();
        EventThread.exec(() -> name.complete(currentTransport().name));
        return await(name, "transport name");
    }

    /** Emits without acknowledgement; arguments are plain values. */
    void emit(String event, Object... args) {
        socket.emit(event, JsonValues.wireArgs(JsonValues.list(args)));
    }

    /** Emits with an acknowledgement and returns its arguments as plain values. */
    List<Object> call(String event, Object... args) {
        CompletableFuture<List<Object>> answer = new CompletableFuture<>();
        socket.emit(event, JsonValues.wireArgs(JsonValues.list(args)), (Ack) reply -> answer.complete(JsonValues.plainArgs(reply)));
        return await(answer, "ack of " + event, this);
    }

    /** Answers each {@code event} the server sends with an acknowledgement computed from its arguments. */
    void answer(String event, Function<List<Object>, List<Object>> reply) {
        socket.on(event, args -> {
            Ack ack = (Ack) args[args.length - 1];
            Object[] received = Arrays.copyOf(args, args.length - 1);
            ack.call(JsonValues.wireArgs(reply.apply(JsonValues.plainArgs(received))));
        });
    }

    /** Records each later {@code event} whose first argument carries this scenario's tag (or all if anyTag). */
    void record(String event, boolean anyTag) {
        socket.on(event, args -> {
            List<Object> values = JsonValues.plainArgs(args);
            boolean tagged = !values.isEmpty() && values.get(0) instanceof Map<?, ?> first && tag.equals(first.get("run"));
            if (anyTag || tagged) {
                synchronized (inbox) {
                    inbox.add(new Received(event, values));
                    inbox.notifyAll();
                }
            }
        });
    }

    void record(String event) {
        record(event, false);
    }

    /** Waits until the {@code occurrence}-th {@code event} (1-based) arrived; returns what arrived from {@code from} on. */
    List<Received> until(String event, int occurrence, int from) {
        Predicate<List<Received>> seen = received -> received.stream().filter(r -> r.event().equals(event)).count() >= occurrence;
        long deadline = System.nanoTime() + STEP.toNanos();
        synchronized (inbox) {
            while (!seen.test(inbox)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("timed out waiting for " + event + " #" + occurrence + " (received " + inbox + ", " + state() + ")");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(inbox, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
            return List.copyOf(inbox.subList(from, inbox.size()));
        }
    }

    List<Received> until(String event) {
        return until(event, 1, 0);
    }

    /**
     * Stops answering the server's pings (the transport stays unwritable from the next ping on)
     * and stops the client's own ping-timeout timer, so only the server can end the session.
     */
    void silenceHeartbeat() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        EventThread.exec(() -> {
            engine.off(io.socket.engineio.client.Socket.EVENT_HEARTBEAT);
            Future<?> timer = (Future<?>) read(engine, io.socket.engineio.client.Socket.class, "pingTimeoutTimer");
            if (timer != null) {
                timer.cancel(false);
            }
            engine.on(io.socket.engineio.client.Socket.EVENT_PING, args -> currentTransport().writable = false);
            done.complete(null);
        });
        await(done, "heartbeat silenced");
    }

    @Override
    public void close() {
        socket.off();
        socket.close();
        io.socket.engineio.client.Socket current = engine;
        if (current != null) {
            current.close();
        }
    }

    private void onTransport(Transport transport, Manager manager) {
        if (engine == null) {
            engine = engineOf(manager);
            engine.on(io.socket.engineio.client.Socket.EVENT_UPGRADE, args -> {
                upgrades.add(((Transport) args[0]).name);
                upgraded.complete(((Transport) args[0]).name);
            });
        }
        transportsCreated.add(transport.name);
        initialTransport.complete(transport.name);
    }

    private Transport currentTransport() {
        return (Transport) read(engine, io.socket.engineio.client.Socket.class, "transport");
    }

    private static io.socket.engineio.client.Socket engineOf(Manager manager) {
        return (io.socket.engineio.client.Socket) read(manager, Manager.class, "engine");
    }

    private static Object read(Object target, Class<?> owner, String name) {
        try {
            Field field = owner.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the Java client no longer has " + owner.getSimpleName() + "." + name, e);
        }
    }

    static <T> T await(CompletableFuture<T> future, String what) {
        return await(future, what, null);
    }

    /** The future's value within the step timeout; a timeout message names {@code client}'s state. */
    static <T> T await(CompletableFuture<T> future, String what, JavaClient client) {
        try {
            return future.get(STEP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            String state = client == null ? "" : " (" + client.state() + ")";
            throw new AssertionError("timed out after " + STEP.toMillis() + " ms waiting for " + what + state);
        } catch (ExecutionException e) {
            throw new AssertionError("failed waiting for " + what + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + what, e);
        }
    }
}
