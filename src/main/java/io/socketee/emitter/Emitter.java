package io.socketee.emitter;

import io.socketee.internal.adapter.redis.ClassicChannels;
import io.socketee.internal.adapter.redis.ClassicCodec;
import io.socketee.internal.adapter.redis.ClassicMessage;
import io.socketee.internal.protocol.json.Json;
import io.socketee.internal.mapping.JsonMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * Sends to the clients of a Socket.IO cluster from any Java process that is not a Socket.IO
 * server (a batch job, a message consumer, another service), through the cluster's Redis: the
 * Java counterpart of Node's {@code @socket.io/redis-emitter}, with the same messages on the
 * wire, so it reaches clients connected to SocketEE servers and to Node.js servers that use
 * {@code @socket.io/redis-adapter}.
 *
 * <pre>{@code
 * try (Emitter io = Emitter.connect("redis://localhost:6379")) {
 *     io.to("room1").emit("news", Map.of("title", "hello"));
 *     io.of("/admin").except("muted").emit("alert", 42);
 *     io.in("room2").socketsJoin("room3");
 *     io.in("banned").disconnectSockets(true);
 * }
 * }</pre>
 *
 * <p>An {@code Emitter} is immutable: {@link #of}, {@link #to}, {@link #except},
 * {@link #asVolatile} and {@link #compress} return new emitters that share the first one's
 * Redis connections; closing any of them closes those. Thread-safe. Arguments are what
 * {@code Socket.emit} takes (strings, numbers, booleans, null, maps, lists, records and POJOs
 * through JSON-B, {@code byte[]} and {@code ByteBuffer} as binary). Like the Node emitter it
 * cannot ask for acknowledgements, and it needs {@code redis.clients:jedis} on the class path.
 */
public final class Emitter implements AutoCloseable {
    /** The uid the Node emitter writes in broadcasts and server-side events. */
    private static final String UID = "emitter";
    private static final Set<String> RESERVED = Set.of("connect", "connect_error", "disconnect", "disconnecting",
            "newListener", "removeListener");

    private final Shared shared;
    private final ClassicChannels channels;
    private final Set<String> rooms;
    private final Set<String> except;
    private final Map<String, Json> flags;

    private Emitter(Shared shared, String nsp, Set<String> rooms, Set<String> except, Map<String, Json> flags) {
        this.shared = shared;
        this.channels = new ClassicChannels(shared.key, nsp);
        this.rooms = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(rooms));
        this.except = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(except));
        this.flags = Map.copyOf(flags);
    }

    /**
     * An emitter for namespace "/" with the default key prefix {@code socket.io}.
     * @param redisUrl the Redis server, for example {@code redis://localhost:6379}
     * @return an emitter for namespace "/" with the default key prefix {@code socket.io}
     */
    public static Emitter connect(String redisUrl) {
        return connect(URI.create(redisUrl), "socket.io");
    }

    /**
     * An emitter for namespace "/".
     *
     * @param redisUrl {@code redis://[user:password@]host[:port][/database]}, {@code rediss://} for TLS
     * @param key the key prefix the servers use ({@code socketio.redis.key})
     * @return an emitter for namespace "/"
     */
    public static Emitter connect(URI redisUrl, String key) {
        JedisPool pool = new JedisPool(redisUrl);
        return new Emitter(new Shared((channel, message) -> {
            try (Jedis jedis = pool.getResource()) {
                jedis.publish(channel.getBytes(StandardCharsets.UTF_8), message);
            }
        }, pool::close, Objects.requireNonNull(key, "key")), "/", Set.of(), Set.of(), Map.of());
    }

    /** An emitter that hands each message to {@code publisher} instead of Redis (for tests). */
    static Emitter publishingTo(java.util.function.BiConsumer<String, byte[]> publisher, String key) {
        return new Emitter(new Shared(publisher, () -> { }, key), "/", Set.of(), Set.of(), Map.of());
    }

    /**
     * The same emitter for namespace {@code nsp} ("/" is added in front when missing), without rooms or flags.
     * @param nsp the namespace name
     * @return the same emitter for namespace {@code nsp} ("/" is added in front when missing), without rooms
     *     or flags
     */
    public Emitter of(String nsp) {
        Objects.requireNonNull(nsp, "nsp");
        return new Emitter(shared, nsp.startsWith("/") ? nsp : "/" + nsp, Set.of(), Set.of(), Map.of());
    }

    /**
     * Targets the sockets in {@code room} too (a socket in several targeted rooms gets one copy).
     * @param room the room
     * @return a new emitter with this target added; this one is unchanged
     */
    public Emitter to(String room) {
        Set<String> more = new LinkedHashSet<>(rooms);
        more.add(Objects.requireNonNull(room, "room"));
        return new Emitter(shared, channels.nsp(), more, except, flags);
    }

    /**
     * The same as {@link #to}.
     * @param room the room
     * @return the same as {@link #to}
     */
    public Emitter in(String room) {
        return to(room);
    }

    /**
     * Leaves out the sockets in {@code room}.
     * @param room the room
     * @return a new emitter with this exclusion added; this one is unchanged
     */
    public Emitter except(String room) {
        Set<String> more = new LinkedHashSet<>(except);
        more.add(Objects.requireNonNull(room, "room"));
        return new Emitter(shared, channels.nsp(), rooms, more, flags);
    }

    /**
     * Skips the clients whose connection cannot take the packet right now (the reference's {@code volatile}).
     * @return a new volatile emitter; this one is unchanged
     */
    public Emitter asVolatile() {
        return withFlag("volatile", Json.of(true));
    }

    /**
     * The reference's {@code compress} flag.
     * @param compress whether to compress
     * @return the reference's {@code compress} flag
     */
    public Emitter compress(boolean compress) {
        return withFlag("compress", Json.of(compress));
    }

    private Emitter withFlag(String name, Json value) {
        Map<String, Json> more = new LinkedHashMap<>(flags);
        more.put(name, value);
        return new Emitter(shared, channels.nsp(), rooms, except, more);
    }

    /**
     * Sends {@code event} with {@code args} to the targeted clients on every server.
     *
     * @param event the event name
     * @param args the arguments, each a JSON value, {@code byte[]} or a record
     * @throws IllegalArgumentException when {@code event} is reserved ({@code connect}, {@code
     *     disconnect}...)
     */
    public void emit(String event, Object... args) {
        check(event);
        Json.Arr data = shared.mapper.toJsonArray(Json.of(event), args);
        ClassicMessage.Broadcast b = new ClassicMessage.Broadcast(UID, channels.nsp(), data, target(),
                new Json.Obj(new LinkedHashMap<>(flags)));
        shared.publish(channels.broadcastFor(List.copyOf(rooms)), ClassicCodec.encodeAsEmitter(b));
    }

    /**
     * Makes the targeted sockets, on every server, join {@code rooms}.
     * @param rooms the rooms
     */
    public void socketsJoin(String... rooms) {
        shared.publish(channels.request(), ClassicCodec.encode(new ClassicMessage.SocketsJoin(Optional.empty(), target(),
                Arrays.asList(rooms))));
    }

    /**
     * Makes the targeted sockets, on every server, leave {@code rooms}.
     * @param rooms the rooms
     */
    public void socketsLeave(String... rooms) {
        shared.publish(channels.request(), ClassicCodec.encode(new ClassicMessage.SocketsLeave(Optional.empty(), target(),
                Arrays.asList(rooms))));
    }

    /**
     * Disconnects the targeted sockets on every server; {@code close} closes their whole connections.
     * @param close whether to close their whole connections
     */
    public void disconnectSockets(boolean close) {
        shared.publish(channels.request(), ClassicCodec.encode(new ClassicMessage.DisconnectSockets(Optional.empty(),
                target(), close)));
    }

    /**
     * Sends an event to every server of the namespace (their {@code onServerSideEmit} listeners), not to clients.
     * @param event the event name
     * @param args the arguments, each a JSON value, {@code byte[]} or a record
     */
    public void serverSideEmit(String event, Object... args) {
        check(event);
        shared.publish(channels.request(), ClassicCodec.encode(new ClassicMessage.ServerSideEmit(Optional.of(UID),
                Optional.empty(), shared.mapper.toJsonArray(Json.of(event), args))));
    }

    /** Closes the Redis connections this emitter shares with the ones made from it. */
    @Override
    public void close() {
        shared.closer.run();
        shared.mapper.close();
    }

    private ClassicMessage.Target target() {
        return new ClassicMessage.Target(new ArrayList<>(rooms), new ArrayList<>(except));
    }

    private static void check(String event) {
        if (RESERVED.contains(Objects.requireNonNull(event, "event"))) {
            throw new IllegalArgumentException('"' + event + "\" is a reserved event name");
        }
    }

    /** What every emitter made from one {@link #connect} shares. Thread-safe. */
    private static final class Shared {
        final java.util.function.BiConsumer<String, byte[]> publisher;
        final Runnable closer;
        final String key;
        final JsonMapper mapper = new JsonMapper();

        Shared(java.util.function.BiConsumer<String, byte[]> publisher, Runnable closer, String key) {
            this.publisher = publisher;
            this.closer = closer;
            this.key = key;
        }

        void publish(String channel, byte[] message) {
            publisher.accept(channel, message);
        }
    }
}
