package io.socketee.internal.config;

/**
 * Every MicroProfile Config key SocketEE reads, declared once with its default. The table in
 * docs/configuration.md lists the same keys; a unit test keeps the two in step.
 */
public enum ConfigKeys {
    PATH("socketio.path", "/socket.io", "URL path of the transports, under the WAR's context root"),
    PING_INTERVAL("socketio.pingInterval", "25000", "milliseconds between heartbeats"),
    PING_TIMEOUT("socketio.pingTimeout", "20000", "milliseconds to wait for a heartbeat answer"),
    UPGRADE_TIMEOUT("socketio.upgradeTimeout", "10000", "milliseconds an upgrade to WebSocket may take"),
    MAX_HTTP_BUFFER_SIZE("socketio.maxHttpBufferSize", "1000000", "largest message or POST body, in bytes"),
    TRANSPORTS("socketio.transports", "polling,websocket", "allowed transports"),
    ALLOW_UPGRADES("socketio.allowUpgrades", "true", "whether polling may upgrade to WebSocket"),
    ALLOW_EIO3("socketio.allowEIO3", "false", "accept Engine.IO v3 clients (socket.io 2.x)"),
    CONNECT_TIMEOUT("socketio.connectTimeout", "45000", "milliseconds a client has to join a namespace"),
    SERVE_CLIENT("socketio.serveClient", "true", "serve socket.io.js under the path"),
    COOKIE("socketio.cookie", "false", "set the sid cookie on the handshake"),
    COOKIE_NAME("socketio.cookie.name", "io", "sid cookie name"),
    COOKIE_PATH("socketio.cookie.path", "/", "sid cookie path"),
    COOKIE_HTTP_ONLY("socketio.cookie.httpOnly", "true", "sid cookie HttpOnly flag"),
    COOKIE_SAME_SITE("socketio.cookie.sameSite", "Lax", "sid cookie SameSite attribute"),
    CORS_ENABLED("socketio.cors.enabled", "false", "write CORS headers on polling responses"),
    CORS_ORIGINS("socketio.cors.origins", "", "allowed origins, comma-separated; empty reflects any, * allows all"),
    CORS_CREDENTIALS("socketio.cors.credentials", "false", "send Access-Control-Allow-Credentials"),
    MAX_ATTACHMENTS("socketio.maxAttachments", "10", "most binary attachments in one packet"),
    ATTACHMENT_TIMEOUT("socketio.attachmentTimeout", "30000",
            "milliseconds the attachments of a binary packet may take to arrive after its header"),
    MAX_BUFFERED_BYTES("socketio.maxBufferedBytes", "16777216",
            "bytes of output that may wait for one client before it is dropped (\"transport error\")"),
    WRITE_TIMEOUT("socketio.writeTimeout", "20000",
            "milliseconds a client's waiting output may make no progress before it is dropped (\"transport error\")"),
    HTTP_COMPRESSION("socketio.httpCompression", "true",
            "compress polling responses with gzip or deflate, as the request's Accept-Encoding allows"),
    HTTP_COMPRESSION_THRESHOLD("socketio.httpCompression.threshold", "1024",
            "smallest polling response body compressed, in bytes"),
    ALLOW_REQUEST_TIMEOUT("socketio.allowRequestTimeout", "10000",
            "milliseconds an AllowRequest or AsyncAllowRequest may take to decide; undecided then, the handshake is refused (403, code 4)"),
    PER_MESSAGE_DEFLATE("socketio.perMessageDeflate", "false",
            "offer the container's WebSocket extensions (permessage-deflate where it has it) to clients that ask"),
    PARSER("socketio.parser", "default",
            "default (socket.io-parser) or msgpack (socket.io-msgpack-parser 3.x); every client must use the same"),
    CLEANUP_EMPTY_CHILD_NAMESPACES("socketio.cleanupEmptyChildNamespaces", "false",
            "drop a child of a dynamic namespace when its last socket leaves"),
    RECOVERY("socketio.connectionStateRecovery", "false",
            "let clients that drop recover their socket id, rooms, data and missed events"),
    RECOVERY_MAX_DISCONNECTION("socketio.connectionStateRecovery.maxDisconnectionDuration", "120000",
            "milliseconds sessions and events are kept for recovery"),
    RECOVERY_SKIP_MIDDLEWARES("socketio.connectionStateRecovery.skipMiddlewares", "true",
            "a recovered socket skips the connection middleware"),
    INLINE_HANDLERS("socketio.inlineHandlers", "false",
            "run a client's handlers on the container thread that delivered its packet when none of its packets wait (no hand-off; handlers must not block)"),
    ADAPTER("socketio.adapter", "memory",
            "memory (one server), redis (servers sharing rooms and broadcasts through Redis Pub/Sub, as Node's "
                    + "@socket.io/redis-adapter), redis-streams (through a Redis stream, as Node's "
                    + "@socket.io/redis-streams-adapter: nothing lost while Redis is briefly away, recovery across servers) "
                    + "or redis-sharded (Redis 7 sharded Pub/Sub on a Redis Cluster, as createShardedAdapter of Node's "
                    + "@socket.io/redis-adapter 8.3)"),
    REDIS_URL("socketio.redis.url", "redis://localhost:6379",
            "the Redis of the cluster: redis://[user:password@]host[:port][/database], rediss:// for TLS; with "
                    + "socketio.redis.topology=cluster or sentinel, several comma-separated URLs (seed nodes, sentinels)"),
    REDIS_TOPOLOGY("socketio.redis.topology", "",
            "standalone (one Redis; the default of redis and redis-streams), cluster (a Redis Cluster; the default "
                    + "and only value of redis-sharded) or sentinel (the master that Redis Sentinel names)"),
    REDIS_SENTINEL_MASTER("socketio.redis.sentinel.master", "",
            "sentinel topology: the name of the master the sentinels watch (required)"),
    REDIS_SENTINEL_USER("socketio.redis.sentinel.user", "",
            "sentinel topology: the user of the sentinels, when they need one of their own"),
    REDIS_SENTINEL_PASSWORD("socketio.redis.sentinel.password", "",
            "sentinel topology: the password of the sentinels, when they need one of their own"),
    REDIS_PASSWORD("socketio.redis.password", "", "Redis password, when it is not in the URL"),
    REDIS_DATABASE("socketio.redis.database", "", "Redis database number, when it is not in the URL"),
    REDIS_KEY("socketio.redis.key", "socket.io",
            "channel prefix; the same on every server of the cluster and in the emitters"),
    REDIS_REQUESTS_TIMEOUT("socketio.redis.requestsTimeout", "5000",
            "milliseconds to wait for the other servers' answers (fetchSockets, serverSideEmit...)"),
    REDIS_STREAMS_NAME("socketio.redis.streams.name", "socket.io",
            "redis-streams: the stream's key; the same on every server of the cluster"),
    REDIS_STREAMS_MAX_LEN("socketio.redis.streams.maxLen", "10000",
            "redis-streams: entries the stream keeps (approximate trimming, XADD MAXLEN ~); recovery reaches no further back"),
    REDIS_STREAMS_READ_COUNT("socketio.redis.streams.readCount", "100", "redis-streams: entries read per XREAD"),
    REDIS_STREAMS_BLOCK_TIME("socketio.redis.streams.blockTime", "5000",
            "redis-streams: milliseconds one XREAD waits for an entry"),
    REDIS_STREAMS_SESSION_KEY_PREFIX("socketio.redis.streams.sessionKeyPrefix", "sio:session:",
            "redis-streams: prefix of the keys of recovery sessions (socketio.connectionStateRecovery=true)"),
    REDIS_STREAMS_OUTBOX("socketio.redis.streams.outboxCapacity", "10000",
            "redis-streams: messages that may wait for Redis while it is away; beyond it new ones are dropped (logged)"),
    REDIS_SHARDED_SUBSCRIPTION_MODE("socketio.redis.sharded.subscriptionMode", "dynamic",
            "redis-sharded: static (two channels per namespace), dynamic (plus one per public room) or dynamic-private "
                    + "(plus one per socket's own room too), as Node's subscriptionMode; the same on every server of the cluster"),
    ADMIN_ENABLED("socketio.admin.enabled", "false",
            "serve the official Socket.IO admin UI (@socket.io/admin-ui 0.5) on a namespace of its own"),
    ADMIN_NAMESPACE("socketio.admin.namespace", "/admin", "the admin UI's namespace"),
    ADMIN_AUTH_ENABLED("socketio.admin.auth.enabled", "true",
            "require the admin UI's username and password; false only on a trusted network"),
    ADMIN_AUTH_USERNAME("socketio.admin.auth.username", "", "the admin UI's username"),
    ADMIN_AUTH_PASSWORD("socketio.admin.auth.password", "",
            "the bcrypt hash ($2a$, $2b$ or $2y$) of the admin UI's password, never the password itself"),
    ADMIN_READONLY("socketio.admin.readonly", "false",
            "the admin UI only watches: no join, leave, disconnect or emit"),
    ADMIN_MODE("socketio.admin.mode", "development",
            "development (every socket, room and event) or production (statistics only)"),
    ADMIN_SERVER_ID("socketio.admin.serverId", "",
            "the name this server has in the admin UI; empty: the host name"),
    NAMESPACES("socketio.namespaces", "", "namespaces created at start, comma-separated (e.g. /,/chat)"),
    NAMESPACE_CONNECTION_MIDDLEWARE("socketio.namespace.<name>.connectionMiddleware", "",
            "names of the connection middleware of a namespace listed in socketio.namespaces"),
    NAMESPACE_PACKET_MIDDLEWARE("socketio.namespace.<name>.packetMiddleware", "",
            "names of the packet middleware of a namespace listed in socketio.namespaces"),
    NAMESPACE_ROUTE("socketio.namespace.<name>.route.<event>", "",
            "routes an event of a listed namespace to a bean method: <bean name or class>#<method>"),
    DYNAMIC_NAMESPACES("socketio.dynamicNamespaces", "",
            "dynamic namespaces, by names of your choice, comma-separated (e.g. workspaces); each has a pattern"),
    DYNAMIC_NAMESPACE_PATTERN("socketio.dynamicNamespace.<name>.pattern", "",
            "the regular expression of a listed dynamic namespace: a client creates a child by connecting to a name it finds"),
    DYNAMIC_NAMESPACE_CONNECTION_MIDDLEWARE("socketio.dynamicNamespace.<name>.connectionMiddleware", "",
            "names of the connection middleware of every child of a listed dynamic namespace"),
    DYNAMIC_NAMESPACE_PACKET_MIDDLEWARE("socketio.dynamicNamespace.<name>.packetMiddleware", "",
            "names of the packet middleware of every child of a listed dynamic namespace"),
    DYNAMIC_NAMESPACE_ROUTE("socketio.dynamicNamespace.<name>.route.<event>", "",
            "routes an event of every child of a listed dynamic namespace to a bean method: <bean name or class>#<method>");

    private final String key;
    private final String defaultValue;
    private final String description;

    ConfigKeys(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** The property name. */
    public String key() {
        return key;
    }

    /** The property name of a per-namespace key for namespace {@code name}. */
    public String key(String name) {
        return key.replace("<name>", name);
    }

    /** The default, as text. */
    public String defaultValue() {
        return defaultValue;
    }

    /** What the key controls. */
    public String description() {
        return description;
    }
}
