package io.socketee.internal.adapter.redis;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * The connections of one node to its Redis, as {@code socketio.redis.*} describes it (URL, TLS,
 * user, password, database): a pool for commands, and single connections for the threads that
 * block on Redis (the subscriber, a stream reader). Connecting and commands time out after 2 s.
 *
 * <p>Thread-safe: the pool is.
 */
public final class JedisConnections implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final HostAndPort address;
    private final URI url;
    private final Optional<String> password;
    private final OptionalInt database;
    private final JedisPool pool;

    public JedisConnections(URI url, Optional<String> password, OptionalInt database) {
        this.url = url;
        this.password = password;
        this.database = database;
        this.address = JedisURIHelper.getHostAndPort(url);
        JedisPoolConfig poolConfig = new JedisPoolConfig();
        poolConfig.setMaxTotal(16);
        poolConfig.setMaxIdle(8);
        poolConfig.setJmxEnabled(false);
        this.pool = new JedisPool(poolConfig, address, config(TIMEOUT));
    }

    /** Where Redis is, for logs. */
    public HostAndPort address() {
        return address;
    }

    /** A connection of the pool; closing it gives it back. */
    public Jedis pooled() {
        return pool.getResource();
    }

    /** A new connection of its own whose reads wait up to {@code readTimeout}. */
    public Jedis single(Duration readTimeout) {
        return new Jedis(address, config(readTimeout));
    }

    private JedisClientConfig config(Duration readTimeout) {
        return config(url, password, database, readTimeout);
    }

    /**
     * The configuration of a connection to the Redis at {@code url} (TLS, user, password and
     * database from it, else from {@code password} and {@code database}) whose reads wait up to
     * {@code readTimeout} (zero: forever); connecting times out after 2 s.
     */
    public static JedisClientConfig config(URI url, Optional<String> password, OptionalInt database,
            Duration readTimeout) {
        return DefaultJedisClientConfig.builder()
                .ssl(JedisURIHelper.isRedisSSLScheme(url))
                .user(JedisURIHelper.getUser(url))
                .password(Optional.ofNullable(JedisURIHelper.getPassword(url)).orElse(password.orElse(null)))
                .database(url.getPath() != null && url.getPath().length() > 1 ? JedisURIHelper.getDBIndex(url)
                        : database.orElse(0))
                .connectionTimeoutMillis((int) TIMEOUT.toMillis())
                .socketTimeoutMillis((int) readTimeout.toMillis())
                .clientName("socketee")
                .build();
    }

    @Override
    public void close() {
        pool.close();
    }
}
