package io.socketee.internal.config;

import io.socketee.IoException;
import io.socketee.internal.engine.CorsPolicy;
import io.socketee.internal.engine.EngineOptions;
import io.socketee.internal.engine.HttpCompression;
import io.socketee.internal.protocol.socketio.SocketIoParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The server's settings, read once from configuration and checked as a whole: every bad value
 * is reported in one exception, not just the first. Immutable and thread-safe.
 *
 * @param path the transport path, starting with '/' and without a trailing slash
 * @param engine the Engine.IO options
 * @param connectTimeout how long a client has to join a namespace
 * @param serveClient whether socket.io.js is served
 * @param maxAttachments most binary attachments in one Socket.IO packet
 * @param attachmentTimeout how long the attachments of a binary packet may take after its header
 * @param cleanupEmptyChildNamespaces whether emptied children of dynamic namespaces are dropped
 * @param namespaces the namespaces declared in configuration, in order
 * @param dynamicNamespaces the dynamic namespaces declared in configuration, in order, each with its pattern
 * @param recovery connection state recovery
 * @param redis the Redis of the cluster, when the Redis adapter is chosen
 * @param inlineHandlers whether handlers may run on the container thread that delivered the packet
 * @param admin the admin UI's settings, when it is enabled
 * @param perMessageDeflate whether the WebSocket endpoint negotiates the container's extensions
 *     (permessage-deflate) with the clients that ask for them
 * @param parser how Socket.IO packets travel in Engine.IO messages
 */
public record SocketIoConfig(
        String path,
        EngineOptions engine,
        Duration connectTimeout,
        boolean serveClient,
        int maxAttachments,
        Duration attachmentTimeout,
        boolean cleanupEmptyChildNamespaces,
        List<NamespaceConfig> namespaces,
        List<NamespaceConfig> dynamicNamespaces,
        Recovery recovery,
        Optional<RedisSettings> redis,
        boolean inlineHandlers,
        Optional<AdminSettings> admin,
        boolean perMessageDeflate,
        SocketIoParser parser) {

    /**
     * The admin UI ({@code socketio.admin.enabled=true}).
     *
     * @param namespace its namespace, starting with '/'
     * @param username the username, when authentication is on
     * @param passwordHash the bcrypt hash of the password, when authentication is on
     * @param readonly whether the UI may only watch
     * @param production whether only statistics are reported (production mode), not every socket and event
     * @param serverId the server's name in the UI, empty for the host name
     */
    public record AdminSettings(String namespace, Optional<String> username, Optional<String> passwordHash,
            boolean readonly, boolean production, Optional<String> serverId) {
    }

    /**
     * Where the cluster's Redis is ({@code socketio.adapter=redis}); empty with the in-memory adapter.
     *
     * @param urls the Redis URLs (redis:// or rediss://), user, password and database included if
     *     given: one standalone Redis, the seed nodes of a cluster, or the sentinels; all of the
     *     same scheme, user information and database
     * @param topology {@code standalone}, {@code cluster} or {@code sentinel}
     * @param sentinel the master's name and the sentinels' own credentials in the sentinel topology
     * @param password the password when the URL has none
     * @param database the database when the URL has none
     * @param key the channel prefix
     * @param requestsTimeout how long requests wait for the other servers
     * @param streams the stream's settings with {@code socketio.adapter=redis-streams}; empty otherwise
     * @param sharded the subscription mode with {@code socketio.adapter=redis-sharded} (a Redis Cluster,
     *     whose nodes {@code urls} name); empty otherwise
     */
    public record RedisSettings(List<java.net.URI> urls, String topology, Optional<SentinelSettings> sentinel,
            Optional<String> password, java.util.OptionalInt database, String key, Duration requestsTimeout,
            Optional<StreamsSettings> streams, Optional<String> sharded) {
        public RedisSettings {
            urls = List.copyOf(urls);
        }
    }

    /**
     * The sentinels' side of {@code socketio.redis.topology=sentinel}.
     *
     * @param master the name of the master the sentinels watch
     * @param user the sentinels' user, when they need their own
     * @param password the sentinels' password, when they need their own
     */
    public record SentinelSettings(String master, Optional<String> user, Optional<String> password) {
    }

    /**
     * The Redis stream of {@code socketio.adapter=redis-streams}, as Node's
     * {@code @socket.io/redis-streams-adapter} options.
     *
     * @param name the stream's key ({@code streamName})
     * @param maxLen entries kept ({@code maxLen})
     * @param readCount entries per XREAD ({@code readCount})
     * @param blockTime how long one XREAD waits ({@code blockTimeInMs})
     * @param sessionKeyPrefix prefix of the recovery session keys ({@code sessionKeyPrefix})
     * @param outboxCapacity messages that may wait for Redis while it is away
     */
    public record StreamsSettings(String name, long maxLen, int readCount, Duration blockTime, String sessionKeyPrefix,
            int outboxCapacity) {
    }

    /**
     * The reference's {@code connectionStateRecovery} option.
     *
     * @param enabled whether it is on
     * @param maxDisconnectionDuration how long sessions and events are kept
     * @param skipMiddlewares whether recovered sockets skip the connection middleware
     */
    public record Recovery(boolean enabled, Duration maxDisconnectionDuration, boolean skipMiddlewares) {
    }

    /**
     * One namespace declared in configuration, egg-socket.io's {@code namespace: {'/': {...}}}, or
     * one dynamic namespace: the children a pattern creates, all with the same middleware and routes.
     *
     * @param name the namespace, starting with '/'; for a dynamic namespace, its name in configuration
     * @param pattern the regular expression of a dynamic namespace (valid); empty for a named namespace
     * @param connectionMiddleware the names of its connection middleware
     * @param packetMiddleware the names of its packet middleware
     * @param routes event name to its handler, {@code <bean name or class>#<method>} (egg's
     *     {@code io.of('/').route('exchange', io.controller.nsp.exchange)})
     */
    public record NamespaceConfig(String name, Optional<String> pattern, List<String> connectionMiddleware,
            List<String> packetMiddleware, java.util.Map<String, String> routes) {
        public NamespaceConfig {
            connectionMiddleware = List.copyOf(connectionMiddleware);
            packetMiddleware = List.copyOf(packetMiddleware);
            routes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(routes));
        }

        /** A named namespace. */
        public NamespaceConfig(String name, List<String> connectionMiddleware, List<String> packetMiddleware,
                java.util.Map<String, String> routes) {
            this(name, Optional.empty(), connectionMiddleware, packetMiddleware, routes);
        }

        /** A named namespace without routes. */
        public NamespaceConfig(String name, List<String> connectionMiddleware, List<String> packetMiddleware) {
            this(name, connectionMiddleware, packetMiddleware, java.util.Map.of());
        }

        /** For messages: "namespace /chat", or "dynamic namespace workspaces (^/workspace-\w+$)". */
        public String describe() {
            return pattern.map(p -> "dynamic namespace " + name + " (" + p + ")").orElse("namespace " + name);
        }
    }

    /** Every namespace declared in configuration: the named ones, then the dynamic ones. */
    public List<NamespaceConfig> allNamespaces() {
        List<NamespaceConfig> all = new ArrayList<>(namespaces);
        all.addAll(dynamicNamespaces);
        return List.copyOf(all);
    }

    /** Reads and validates the settings from a key lookup (MicroProfile Config in production). */
    public static SocketIoConfig read(Function<String, Optional<String>> source) {
        return read(source, List.of());
    }

    /**
     * As {@link #read(Function)}, with the names of every configured property, from which the
     * routes ({@code socketio.namespace.<name>.route.<event>}) are found and among which every
     * {@code socketio.} key SocketEE does not know is a problem (see {@link UnknownKeys}).
     */
    public static SocketIoConfig read(Function<String, Optional<String>> source, Iterable<String> propertyNames) {
        Reader r = new Reader(source);
        String path = r.string(ConfigKeys.PATH);
        if (!path.startsWith("/")) {
            r.problem(ConfigKeys.PATH, path, "must start with '/'");
        }
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        Duration pingInterval = r.millis(ConfigKeys.PING_INTERVAL);
        Duration pingTimeout = r.millis(ConfigKeys.PING_TIMEOUT);
        Duration upgradeTimeout = r.millis(ConfigKeys.UPGRADE_TIMEOUT);
        long maxSize = r.positiveLong(ConfigKeys.MAX_HTTP_BUFFER_SIZE);
        List<String> transports = r.list(ConfigKeys.TRANSPORTS);
        for (String t : transports) {
            if (!t.equals("polling") && !t.equals("websocket")) {
                r.problem(ConfigKeys.TRANSPORTS, t, "is not a transport (polling, websocket)");
            }
        }
        if (transports.isEmpty()) {
            r.problem(ConfigKeys.TRANSPORTS, "", "must name at least one transport");
        }
        boolean allowUpgrades = r.bool(ConfigKeys.ALLOW_UPGRADES);
        boolean allowEio3 = r.bool(ConfigKeys.ALLOW_EIO3);
        Optional<EngineOptions.SidCookie> cookie = Optional.empty();
        if (r.bool(ConfigKeys.COOKIE)) {
            cookie = Optional.of(new EngineOptions.SidCookie(r.string(ConfigKeys.COOKIE_NAME),
                    r.string(ConfigKeys.COOKIE_PATH), r.bool(ConfigKeys.COOKIE_HTTP_ONLY),
                    r.string(ConfigKeys.COOKIE_SAME_SITE)));
        }
        CorsPolicy cors = CorsPolicy.DISABLED;
        if (r.bool(ConfigKeys.CORS_ENABLED)) {
            cors = new CorsPolicy(true, new LinkedHashSet<>(r.list(ConfigKeys.CORS_ORIGINS)),
                    r.bool(ConfigKeys.CORS_CREDENTIALS), CorsPolicy.DISABLED.methods(), List.of(), -1);
        }
        Duration connectTimeout = r.millis(ConfigKeys.CONNECT_TIMEOUT);
        boolean serveClient = r.bool(ConfigKeys.SERVE_CLIENT);
        int maxAttachments = (int) Math.min(Integer.MAX_VALUE, r.positiveLong(ConfigKeys.MAX_ATTACHMENTS));
        Duration attachmentTimeout = r.millis(ConfigKeys.ATTACHMENT_TIMEOUT);
        long maxBufferedBytes = r.positiveLong(ConfigKeys.MAX_BUFFERED_BYTES);
        Duration writeTimeout = r.millis(ConfigKeys.WRITE_TIMEOUT);
        HttpCompression httpCompression = new HttpCompression(r.bool(ConfigKeys.HTTP_COMPRESSION),
                (int) Math.min(Integer.MAX_VALUE, r.positiveLong(ConfigKeys.HTTP_COMPRESSION_THRESHOLD)));
        boolean perMessageDeflate = r.bool(ConfigKeys.PER_MESSAGE_DEFLATE);
        Duration allowRequestTimeout = r.millis(ConfigKeys.ALLOW_REQUEST_TIMEOUT);
        String parserName = r.string(ConfigKeys.PARSER).trim();
        Optional<SocketIoParser> parser = SocketIoParser.named(parserName);
        if (parser.isEmpty()) {
            r.problem(ConfigKeys.PARSER, parserName, "is not a parser (default, msgpack)");
        }
        removed(r, source);
        boolean cleanupChildren = r.bool(ConfigKeys.CLEANUP_EMPTY_CHILD_NAMESPACES);
        Recovery recovery = new Recovery(r.bool(ConfigKeys.RECOVERY), r.millis(ConfigKeys.RECOVERY_MAX_DISCONNECTION),
                r.bool(ConfigKeys.RECOVERY_SKIP_MIDDLEWARES));
        List<NamespaceConfig> namespaces = new ArrayList<>();
        for (String name : r.list(ConfigKeys.NAMESPACES)) {
            if (!name.startsWith("/")) {
                r.problem(ConfigKeys.NAMESPACES, name, "a namespace must start with '/'");
                continue;
            }
            namespaces.add(new NamespaceConfig(name, r.list(ConfigKeys.NAMESPACE_CONNECTION_MIDDLEWARE, name),
                    r.list(ConfigKeys.NAMESPACE_PACKET_MIDDLEWARE, name),
                    routes(r, ConfigKeys.NAMESPACE_ROUTE, name, propertyNames)));
        }
        List<NamespaceConfig> dynamic = dynamicNamespaces(r, propertyNames);
        Optional<RedisSettings> redis = redis(r);
        boolean inlineHandlers = r.bool(ConfigKeys.INLINE_HANDLERS);
        Optional<AdminSettings> admin = admin(r);
        r.problems.addAll(UnknownKeys.problems(propertyNames, source, r.list(ConfigKeys.NAMESPACES),
                r.list(ConfigKeys.DYNAMIC_NAMESPACES), REMOVED_KEYS.keySet()));
        List<NamespaceConfig> all = new ArrayList<>(namespaces);
        all.addAll(dynamic);
        r.failIfProblems(all);
        EngineOptions engine = new EngineOptions(pingInterval, pingTimeout, upgradeTimeout, maxSize,
                transports, allowUpgrades, allowEio3, cookie, cors, EngineOptions.HandshakeVerifier.ALLOW_ALL,
                maxBufferedBytes, writeTimeout, io.socketee.internal.metrics.MetricsRecorder.NONE, httpCompression,
                EngineOptions.HeaderHook.NONE, allowRequestTimeout);
        return new SocketIoConfig(path, engine, connectTimeout, serveClient, maxAttachments, attachmentTimeout,
                cleanupChildren, List.copyOf(namespaces), List.copyOf(dynamic), recovery, redis, inlineHandlers, admin,
                perMessageDeflate, parser.orElseThrow());
    }

    /** What a dynamic namespace's name in configuration may be made of: it is part of its keys. */
    private static final java.util.regex.Pattern CONFIG_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_-]+");

    /** The dynamic namespaces listed in {@code socketio.dynamicNamespaces}, each with a valid pattern of its own. */
    private static List<NamespaceConfig> dynamicNamespaces(Reader r, Iterable<String> propertyNames) {
        List<NamespaceConfig> found = new ArrayList<>();
        java.util.Map<String, String> byPattern = new java.util.HashMap<>();
        for (String name : r.list(ConfigKeys.DYNAMIC_NAMESPACES)) {
            if (!CONFIG_NAME.matcher(name).matches()) {
                r.problem(ConfigKeys.DYNAMIC_NAMESPACES, name, "a dynamic namespace is listed by a name of letters, digits,"
                        + " '-' and '_' (its pattern goes in " + ConfigKeys.DYNAMIC_NAMESPACE_PATTERN.key() + ")");
                continue;
            }
            String key = ConfigKeys.DYNAMIC_NAMESPACE_PATTERN.key(name);
            String pattern = r.raw(key).trim();
            if (pattern.isEmpty()) {
                r.problem(key, "", "is required for each dynamic namespace listed in socketio.dynamicNamespaces");
                continue;
            }
            try {
                java.util.regex.Pattern.compile(pattern);
            } catch (java.util.regex.PatternSyntaxException e) {
                r.problem(key, pattern, "is not a regular expression: " + e.getDescription() + " near index " + e.getIndex());
                continue;
            }
            String other = byPattern.putIfAbsent(pattern, name);
            if (other != null) {
                r.problem(key, pattern, "is the pattern of dynamic namespace " + other + " too; one pattern is one dynamic"
                        + " namespace");
                continue;
            }
            found.add(new NamespaceConfig(name, Optional.of(pattern),
                    r.list(ConfigKeys.DYNAMIC_NAMESPACE_CONNECTION_MIDDLEWARE, name),
                    r.list(ConfigKeys.DYNAMIC_NAMESPACE_PACKET_MIDDLEWARE, name),
                    routes(r, ConfigKeys.DYNAMIC_NAMESPACE_ROUTE, name, propertyNames)));
        }
        return found;
    }

    /** A bcrypt hash in the modular crypt format: version, cost, 22 characters of salt, 31 of hash. */
    private static final java.util.regex.Pattern BCRYPT = java.util.regex.Pattern.compile(
            "\\$2[aby]\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");

    private static Optional<AdminSettings> admin(Reader r) {
        if (!r.bool(ConfigKeys.ADMIN_ENABLED)) {
            return Optional.empty();
        }
        String namespace = r.string(ConfigKeys.ADMIN_NAMESPACE);
        if (!namespace.startsWith("/")) {
            r.problem(ConfigKeys.ADMIN_NAMESPACE, namespace, "a namespace must start with '/'");
        }
        Optional<String> username = Optional.empty();
        Optional<String> hash = Optional.empty();
        if (r.bool(ConfigKeys.ADMIN_AUTH_ENABLED)) {
            String user = r.string(ConfigKeys.ADMIN_AUTH_USERNAME);
            String password = r.string(ConfigKeys.ADMIN_AUTH_PASSWORD);
            if (user.isEmpty()) {
                r.problem(ConfigKeys.ADMIN_AUTH_USERNAME, user, "is required while socketio.admin.auth.enabled=true");
            }
            if (!BCRYPT.matcher(password).matches()) {
                r.problem(ConfigKeys.ADMIN_AUTH_PASSWORD, password.isEmpty() ? "" : "<hidden>",
                        "must be a bcrypt hash ($2a$, $2b$ or $2y$, cost 04-31), e.g. from htpasswd -nbBC 10 user password");
            }
            username = Optional.of(user);
            hash = Optional.of(password);
        }
        boolean readonly = r.bool(ConfigKeys.ADMIN_READONLY);
        String mode = r.string(ConfigKeys.ADMIN_MODE);
        if (!mode.equals("development") && !mode.equals("production")) {
            r.problem(ConfigKeys.ADMIN_MODE, mode, "is not a mode (development, production)");
        }
        String serverId = r.string(ConfigKeys.ADMIN_SERVER_ID);
        return Optional.of(new AdminSettings(namespace, username, hash, readonly, mode.equals("production"),
                serverId.isEmpty() ? Optional.empty() : Optional.of(serverId)));
    }

    /**
     * Keys of earlier versions that no longer do anything: a deployment that still sets one fails,
     * rather than run without the behaviour its author asked for.
     */
    private static final java.util.Map<String, String> REMOVED_KEYS = java.util.Map.of(
            "socketio.maxBufferedPackets", "was replaced by socketio.maxBufferedBytes (a bound in bytes)"
                    + " and socketio.writeTimeout",
            "socketio.directWrites", "was removed: WebSocket writes are always asynchronous, bounded and"
                    + " never block the sending thread");

    private static void removed(Reader r, Function<String, Optional<String>> source) {
        REMOVED_KEYS.forEach((key, why) -> source.apply(key).ifPresent(v -> r.problem(key, v, why)));
    }

    private static Optional<RedisSettings> redis(Reader r) {
        String adapter = r.string(ConfigKeys.ADAPTER).trim();
        if (adapter.equals("memory")) {
            return Optional.empty();
        }
        if (!adapter.equals("redis") && !adapter.equals("redis-streams") && !adapter.equals("redis-sharded")) {
            r.problem(ConfigKeys.ADAPTER, adapter, "is not an adapter (memory, redis, redis-streams, redis-sharded)");
            return Optional.empty();
        }
        boolean sharded = adapter.equals("redis-sharded");
        String topology = r.string(ConfigKeys.REDIS_TOPOLOGY).trim();
        if (topology.isEmpty()) {
            topology = sharded ? "cluster" : "standalone";
        } else if (!List.of("standalone", "cluster", "sentinel").contains(topology)) {
            r.problem(ConfigKeys.REDIS_TOPOLOGY, topology, "is not a topology (standalone, cluster, sentinel)");
        } else if (sharded && !topology.equals("cluster")) {
            r.problem(ConfigKeys.REDIS_TOPOLOGY, topology,
                    "must be cluster with redis-sharded: sharded Pub/Sub needs a Redis Cluster");
        }
        List<java.net.URI> urls = redisUrls(r, topology);
        String password = r.string(ConfigKeys.REDIS_PASSWORD);
        String db = r.string(ConfigKeys.REDIS_DATABASE).trim();
        java.util.OptionalInt database = java.util.OptionalInt.empty();
        if (!db.isEmpty()) {
            try {
                database = java.util.OptionalInt.of(Integer.parseInt(db));
            } catch (NumberFormatException e) {
                r.problem(ConfigKeys.REDIS_DATABASE, db, "is not a database number");
            }
        }
        if (topology.equals("cluster")) {
            if (!db.isEmpty()) {
                r.problem(ConfigKeys.REDIS_DATABASE, db, "must be empty with a Redis Cluster: it has database 0 only");
            }
            if (!urls.isEmpty() && urls.get(0).getPath() != null && urls.get(0).getPath().length() > 1) {
                r.problem(ConfigKeys.REDIS_URL, r.string(ConfigKeys.REDIS_URL),
                        "must name no database with a Redis Cluster: it has database 0 only");
            }
        }
        Optional<SentinelSettings> sentinel = sentinel(r, topology);
        String key = r.string(ConfigKeys.REDIS_KEY);
        if (key.isEmpty()) {
            r.problem(ConfigKeys.REDIS_KEY, key, "must not be empty");
        }
        Duration timeout = r.millis(ConfigKeys.REDIS_REQUESTS_TIMEOUT);
        Optional<StreamsSettings> streams = adapter.equals("redis-streams") ? Optional.of(streams(r)) : Optional.empty();
        Optional<String> mode = sharded ? Optional.of(subscriptionMode(r)) : Optional.empty();
        return urls.isEmpty() ? Optional.empty() : Optional.of(new RedisSettings(urls, topology, sentinel,
                password.isEmpty() ? Optional.empty() : Optional.of(password), database, key, timeout, streams, mode));
    }

    /**
     * The URLs of {@code socketio.redis.url}: one for a standalone Redis, one or more (comma-separated)
     * seed nodes or sentinels, all with the same scheme, user information and database; empty
     * when one is not a Redis URL.
     */
    private static List<java.net.URI> redisUrls(Reader r, String topology) {
        String value = r.string(ConfigKeys.REDIS_URL).trim();
        List<java.net.URI> urls = new ArrayList<>();
        for (String url : Reader.split(value)) {
            try {
                java.net.URI uri = new java.net.URI(url);
                if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme()) || uri.getHost() == null) {
                    r.problem(ConfigKeys.REDIS_URL, url, "must be redis://host[:port][/database] or rediss://...");
                    return List.of();
                }
                urls.add(uri);
            } catch (java.net.URISyntaxException e) {
                r.problem(ConfigKeys.REDIS_URL, url, "is not a URL: " + e.getReason());
                return List.of();
            }
        }
        if (urls.isEmpty()) {
            r.problem(ConfigKeys.REDIS_URL, value, "must name a Redis");
        } else if (urls.size() > 1 && topology.equals("standalone")) {
            r.problem(ConfigKeys.REDIS_URL, value, "names several Redis: set socketio.redis.topology=cluster (seed "
                    + "nodes of a Redis Cluster) or sentinel (sentinels), or give one URL");
        } else if (urls.stream().map(u -> java.util.Arrays.asList(u.getScheme(), u.getRawUserInfo(), u.getPath()))
                .distinct().count() > 1) {
            r.problem(ConfigKeys.REDIS_URL, EffectiveSettings.maskedUrl(value),
                    "mixes schemes, users, passwords or databases: every URL must have the same");
        }
        return urls;
    }

    /** The master's name and the sentinels' credentials: required with the sentinel topology, refused without. */
    private static Optional<SentinelSettings> sentinel(Reader r, String topology) {
        String master = r.string(ConfigKeys.REDIS_SENTINEL_MASTER);
        String user = r.string(ConfigKeys.REDIS_SENTINEL_USER);
        String password = r.string(ConfigKeys.REDIS_SENTINEL_PASSWORD);
        if (!topology.equals("sentinel")) {
            for (ConfigKeys k : List.of(ConfigKeys.REDIS_SENTINEL_MASTER, ConfigKeys.REDIS_SENTINEL_USER,
                    ConfigKeys.REDIS_SENTINEL_PASSWORD)) {
                if (!r.string(k).isEmpty()) {
                    r.problem(k, k == ConfigKeys.REDIS_SENTINEL_PASSWORD ? "****" : r.string(k),
                            "is set but socketio.redis.topology is not sentinel");
                }
            }
            return Optional.empty();
        }
        if (master.isEmpty()) {
            r.problem(ConfigKeys.REDIS_SENTINEL_MASTER, master,
                    "must name the master the sentinels watch (socketio.redis.topology=sentinel)");
        }
        return Optional.of(new SentinelSettings(master, user.isEmpty() ? Optional.empty() : Optional.of(user),
                password.isEmpty() ? Optional.empty() : Optional.of(password)));
    }

    /** The sharded adapter's subscription mode, as Node spells it (the adapter's SubscriptionMode values). */
    private static String subscriptionMode(Reader r) {
        String mode = r.string(ConfigKeys.REDIS_SHARDED_SUBSCRIPTION_MODE).trim();
        if (!List.of("static", "dynamic", "dynamic-private").contains(mode)) {
            r.problem(ConfigKeys.REDIS_SHARDED_SUBSCRIPTION_MODE, mode,
                    "is not a subscription mode (static, dynamic, dynamic-private)");
        }
        return mode;
    }

    private static StreamsSettings streams(Reader r) {
        String name = r.string(ConfigKeys.REDIS_STREAMS_NAME);
        if (name.isEmpty()) {
            r.problem(ConfigKeys.REDIS_STREAMS_NAME, name, "must not be empty");
        }
        return new StreamsSettings(name, r.positiveLong(ConfigKeys.REDIS_STREAMS_MAX_LEN),
                r.positiveInt(ConfigKeys.REDIS_STREAMS_READ_COUNT), r.millis(ConfigKeys.REDIS_STREAMS_BLOCK_TIME),
                r.string(ConfigKeys.REDIS_STREAMS_SESSION_KEY_PREFIX), r.positiveInt(ConfigKeys.REDIS_STREAMS_OUTBOX));
    }

    private static java.util.Map<String, String> routes(Reader r, ConfigKeys routeKey, String nsp,
            Iterable<String> propertyNames) {
        String prefix = routeKey.key(nsp).replace("<event>", "");
        java.util.Map<String, String> routes = new java.util.TreeMap<>();
        for (String property : propertyNames) {
            if (!property.startsWith(prefix) || property.length() == prefix.length()) {
                continue;
            }
            String event = property.substring(prefix.length());
            String target = r.raw(property).trim();
            int hash = target.indexOf('#');
            if (hash <= 0 || hash == target.length() - 1) {
                r.problem(property, target, "must be <bean name or class>#<method>");
            } else {
                routes.put(event, target);
            }
        }
        return routes;
    }

    /**
     * The configuration is invalid: every problem, and the namespaces, named and dynamic, that
     * could be read anyway (so that their middleware and routes can be checked in the same
     * report). Immutable.
     */
    public static final class InvalidConfigException extends IoException {
        private static final long serialVersionUID = 1L;
        private final transient List<String> problems;
        private final transient List<NamespaceConfig> namespaces;

        InvalidConfigException(List<String> problems, List<NamespaceConfig> namespaces) {
            super("SocketEE configuration is invalid:\n  " + String.join("\n  ", problems));
            this.problems = List.copyOf(problems);
            this.namespaces = List.copyOf(namespaces);
        }

        /** Each problem, with its message id. */
        public List<String> problems() {
            return problems == null ? List.of() : problems;
        }

        /** The namespaces read despite the problems, named then dynamic. */
        public List<NamespaceConfig> namespaces() {
            return namespaces == null ? List.of() : namespaces;
        }
    }

    /** Collects values and problems. */
    private static final class Reader {
        private final Function<String, Optional<String>> source;
        private final List<String> problems = new ArrayList<>();

        Reader(Function<String, Optional<String>> source) {
            this.source = source;
        }

        String string(ConfigKeys k) {
            return source.apply(k.key()).map(String::trim).orElse(k.defaultValue());
        }

        void problem(ConfigKeys k, String value, String why) {
            problem(k.key(), value, why);
        }

        void problem(String key, String value, String why) {
            problems.add("SOCKETEE-CONFIG-001 " + key + "=" + value + ": " + why);
        }

        String raw(String key) {
            return source.apply(key).orElse("");
        }

        Duration millis(ConfigKeys k) {
            return Duration.ofMillis(positiveLong(k));
        }

        long positiveLong(ConfigKeys k) {
            String v = string(k);
            try {
                long n = Long.parseLong(v);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problem(k, v, "must be a positive whole number");
            return Long.parseLong(k.defaultValue());
        }

        int positiveInt(ConfigKeys k) {
            long n = positiveLong(k);
            if (n > Integer.MAX_VALUE) {
                problem(k, Long.toString(n), "must be at most " + Integer.MAX_VALUE);
                return Integer.parseInt(k.defaultValue());
            }
            return (int) n;
        }

        boolean bool(ConfigKeys k) {
            String v = string(k).toLowerCase(Locale.ROOT);
            if (!v.equals("true") && !v.equals("false")) {
                problem(k, v, "must be true or false");
                return Boolean.parseBoolean(k.defaultValue());
            }
            return Boolean.parseBoolean(v);
        }

        List<String> list(ConfigKeys k) {
            return split(string(k));
        }

        /** A per-namespace list key, for namespace {@code name}. */
        List<String> list(ConfigKeys k, String name) {
            return split(source.apply(k.key(name)).map(String::trim).orElse(k.defaultValue()));
        }

        private static List<String> split(String value) {
            Set<String> items = new LinkedHashSet<>();
            Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .forEach(items::add);
            return List.copyOf(items);
        }

        void failIfProblems(List<NamespaceConfig> namespaces) {
            if (!problems.isEmpty()) {
                throw new InvalidConfigException(problems, namespaces);
            }
        }
    }
}
