package io.socketee.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.IoException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SocketIoConfigTest {

    private static SocketIoConfig read(Map<String, String> values) {
        return SocketIoConfig.read(k -> Optional.ofNullable(values.get(k)));
    }

    @Test
    void defaultsAreTheReferenceServers() {
        SocketIoConfig c = read(Map.of());
        assertEquals("/socket.io", c.path());
        assertEquals(Duration.ofMillis(25_000), c.engine().pingInterval());
        assertEquals(Duration.ofMillis(20_000), c.engine().pingTimeout());
        assertEquals(1_000_000, c.engine().maxHttpBufferSize());
        assertEquals(List.of("polling", "websocket"), c.engine().transports());
        assertFalse(c.engine().allowEio3());
        assertFalse(c.engine().cors().enabled());
        assertTrue(c.engine().cookie().isEmpty());
        assertEquals(Duration.ofMillis(45_000), c.connectTimeout());
        assertEquals(10, c.maxAttachments());
    }

    @Test
    void attachmentTimeoutIsReadInMillis() {
        assertEquals(Duration.ofSeconds(30), read(Map.of()).attachmentTimeout());
        assertEquals(Duration.ofMillis(1500), read(Map.of("socketio.attachmentTimeout", "1500")).attachmentTimeout());
        IoException e = assertThrows(IoException.class, () -> read(Map.of("socketio.attachmentTimeout", "0")));
        assertTrue(e.getMessage().contains("socketio.attachmentTimeout=0"), e.getMessage());
    }

    @Test
    void valuesAreReadAndThePathLosesItsTrailingSlash() {
        SocketIoConfig c = read(Map.of("socketio.path", "/rt/", "socketio.allowEIO3", "true",
                "socketio.transports", "websocket", "socketio.cors.enabled", "true",
                "socketio.cors.origins", "https://a.test, https://b.test", "socketio.cookie", "true"));
        assertEquals("/rt", c.path());
        assertTrue(c.engine().allowEio3());
        assertEquals(List.of("websocket"), c.engine().transports());
        assertEquals(java.util.Set.of("https://a.test", "https://b.test"), c.engine().cors().origins());
        assertEquals("io", c.engine().cookie().orElseThrow().name());
    }

    @Test
    void everyBadValueIsReportedAtOnce() {
        IoException e = assertThrows(IoException.class, () -> read(Map.of("socketio.pingInterval", "soon",
                "socketio.allowEIO3", "yes", "socketio.transports", "polling,carrier-pigeon", "socketio.path", "x")));
        String m = e.getMessage();
        assertTrue(m.contains("socketio.pingInterval=soon"), m);
        assertTrue(m.contains("socketio.allowEIO3=yes"), m);
        assertTrue(m.contains("carrier-pigeon"), m);
        assertTrue(m.contains("socketio.path=x"), m);
    }

    @Test
    void outputBoundsAreReadWithTheirDefaults() {
        assertEquals(16L << 20, read(Map.of()).engine().maxBufferedBytes());
        assertEquals(Duration.ofMillis(20_000), read(Map.of()).engine().writeTimeout());
        SocketIoConfig c = read(Map.of("socketio.maxBufferedBytes", "65536", "socketio.writeTimeout", "3000"));
        assertEquals(65536, c.engine().maxBufferedBytes());
        assertEquals(Duration.ofMillis(3000), c.engine().writeTimeout());
    }

    @Test
    void removedKeysFailTheDeploymentSayingWhatReplacedThem() {
        IoException e = assertThrows(IoException.class, () -> read(Map.of("socketio.maxBufferedPackets", "1000",
                "socketio.directWrites", "true")));
        String m = e.getMessage();
        assertTrue(m.contains("socketio.maxBufferedPackets=1000") && m.contains("socketio.maxBufferedBytes"), m);
        assertTrue(m.contains("socketio.directWrites=true") && m.contains("never block"), m);
    }

    @Test
    void theRedisAdapterIsReadWithItsSettingsAndTheMemoryAdapterIsTheDefault() {
        assertTrue(read(Map.of()).redis().isEmpty());
        SocketIoConfig c = read(Map.of("socketio.adapter", "redis", "socketio.redis.url", "rediss://cache:6380/2",
                "socketio.redis.password", "s3cret", "socketio.redis.key", "app", "socketio.redis.requestsTimeout", "800"));
        SocketIoConfig.RedisSettings r = c.redis().orElseThrow();
        assertEquals(List.of(java.net.URI.create("rediss://cache:6380/2")), r.urls());
        assertEquals("standalone", r.topology(), "the default of redis");
        assertEquals(Optional.of("s3cret"), r.password());
        assertEquals("app", r.key());
        assertEquals(java.time.Duration.ofMillis(800), r.requestsTimeout());
        IoException e = assertThrows(IoException.class, () -> read(Map.of("socketio.adapter", "redis",
                "socketio.redis.url", "http://cache", "socketio.redis.database", "first")));
        assertTrue(e.getMessage().contains("socketio.redis.url=http://cache"), e.getMessage());
        assertTrue(e.getMessage().contains("socketio.redis.database=first"), e.getMessage());
        e = assertThrows(IoException.class, () -> read(Map.of("socketio.adapter", "postgres")));
        assertTrue(e.getMessage().contains("socketio.adapter=postgres"), e.getMessage());
    }

    @Test
    void theStreamsAdapterIsReadWithNodesDefaultsAndItsOwnSettings() {
        assertTrue(read(Map.of("socketio.adapter", "redis")).redis().orElseThrow().streams().isEmpty());
        SocketIoConfig.StreamsSettings d = read(Map.of("socketio.adapter", "redis-streams")).redis().orElseThrow()
                .streams().orElseThrow();
        assertEquals(new SocketIoConfig.StreamsSettings("socket.io", 10_000, 100, java.time.Duration.ofSeconds(5),
                "sio:session:", 10_000), d);
        SocketIoConfig.StreamsSettings s = read(Map.of("socketio.adapter", "redis-streams", "socketio.redis.streams.name",
                "app-stream", "socketio.redis.streams.maxLen", "500", "socketio.redis.streams.readCount", "10",
                "socketio.redis.streams.blockTime", "1000", "socketio.redis.streams.sessionKeyPrefix", "app:session:"))
                .redis().orElseThrow().streams().orElseThrow();
        assertEquals(new SocketIoConfig.StreamsSettings("app-stream", 500, 10, java.time.Duration.ofSeconds(1),
                "app:session:", 10_000), s);
        IoException e = assertThrows(IoException.class, () -> read(Map.of("socketio.adapter", "redis-streams",
                "socketio.redis.streams.maxLen", "-1", "socketio.redis.streams.readCount", "many")));
        assertTrue(e.getMessage().contains("socketio.redis.streams.maxLen=-1"), e.getMessage());
        assertTrue(e.getMessage().contains("socketio.redis.streams.readCount=many"), e.getMessage());
    }

    @Test
    void theShardedAdapterIsDynamicByDefaultOnDatabaseZeroAndAnythingElseFailsTheDeployment() {
        SocketIoConfig.RedisSettings r = read(Map.of("socketio.adapter", "redis-sharded", "socketio.redis.url",
                "redis://10.0.0.1:7000")).redis().orElseThrow();
        assertEquals(java.util.Optional.of("dynamic"), r.sharded(), "Node's default");
        assertTrue(r.streams().isEmpty());
        for (String mode : List.of("static", "dynamic", "dynamic-private")) {
            assertEquals(java.util.Optional.of(mode), read(Map.of("socketio.adapter", "redis-sharded",
                    "socketio.redis.sharded.subscriptionMode", mode)).redis().orElseThrow().sharded());
        }
        assertTrue(read(Map.of("socketio.adapter", "redis")).redis().orElseThrow().sharded().isEmpty());
        IoException e = assertThrows(IoException.class, () -> read(Map.of("socketio.adapter", "redis-sharded",
                "socketio.redis.sharded.subscriptionMode", "private", "socketio.redis.database", "2")));
        assertTrue(e.getMessage().contains("socketio.redis.sharded.subscriptionMode=private"), e.getMessage());
        assertTrue(e.getMessage().contains("socketio.redis.database=2"), e.getMessage());
        e = assertThrows(IoException.class, () -> read(Map.of("socketio.adapter", "redis-sharded",
                "socketio.redis.sharded.subscriptionMode", "statik", "socketio.redis.url", "redis://h:7000/3")));
        assertTrue(e.getMessage().contains("socketio.redis.sharded.subscriptionMode=statik"), e.getMessage());
        assertTrue(e.getMessage().contains("socketio.redis.url=redis://h:7000/3"), e.getMessage());
        e = assertThrows(IoException.class, () -> readAll(Map.of("socketio.adapter", "redis-sharded",
                "socketio.redis.sharded.subscriptionMod", "static")));
        assertTrue(e.getMessage().contains("socketio.redis.sharded.subscriptionMod"), "a misspelt key fails: " + e.getMessage());
    }

    @Test
    void aClusterTopologyTakesSeveralSeedNodesAndNoDatabase() {
        SocketIoConfig.RedisSettings r = read(Map.of("socketio.adapter", "redis-streams", "socketio.redis.topology",
                "cluster", "socketio.redis.url", "redis://:pw@10.0.0.1:7000, redis://:pw@10.0.0.2:7000"))
                .redis().orElseThrow();
        assertEquals("cluster", r.topology());
        assertEquals(List.of(java.net.URI.create("redis://:pw@10.0.0.1:7000"),
                java.net.URI.create("redis://:pw@10.0.0.2:7000")), r.urls());
        assertTrue(r.sentinel().isEmpty());
        IoException e = assertThrows(IoException.class, () -> read(Map.of("socketio.adapter", "redis",
                "socketio.redis.topology", "cluster", "socketio.redis.url", "redis://10.0.0.1:7000/1,redis://10.0.0.2:7000/1",
                "socketio.redis.database", "1")));
        assertTrue(e.getMessage().contains("socketio.redis.url=redis://10.0.0.1:7000/1,redis://10.0.0.2:7000/1"),
                e.getMessage());
        assertTrue(e.getMessage().contains("socketio.redis.database=1"), e.getMessage());
    }

    @Test
    void aSentinelTopologyNeedsTheMastersNameAndTakesTheSentinelsOwnCredentials() {
        SocketIoConfig.RedisSettings r = read(Map.of("socketio.adapter", "redis", "socketio.redis.topology", "sentinel",
                "socketio.redis.url", "redis://:data@s1:26379/3,redis://:data@s2:26379/3",
                "socketio.redis.sentinel.master", "mymaster", "socketio.redis.sentinel.password", "watch"))
                .redis().orElseThrow();
        assertEquals("sentinel", r.topology());
        assertEquals(2, r.urls().size());
        assertEquals(Optional.of(new SocketIoConfig.SentinelSettings("mymaster", Optional.empty(), Optional.of("watch"))),
                r.sentinel());
        IoException e = assertThrows(IoException.class, () -> read(Map.of("socketio.adapter", "redis-streams",
                "socketio.redis.topology", "sentinel", "socketio.redis.url", "redis://s1:26379")));
        assertTrue(e.getMessage().contains("socketio.redis.sentinel.master=: must name the master"), e.getMessage());
        e = assertThrows(IoException.class, () -> read(Map.of("socketio.adapter", "redis",
                "socketio.redis.sentinel.master", "mymaster", "socketio.redis.sentinel.password", "watch")));
        assertTrue(e.getMessage().contains("socketio.redis.sentinel.master=mymaster: is set but"), e.getMessage());
        assertTrue(e.getMessage().contains("socketio.redis.sentinel.password=****: is set but"),
                "the password is not printed: " + e.getMessage());
    }

    @Test
    void severalUrlsWithAStandaloneRedisOrUrlsThatDisagreeFailTheDeployment() {
        IoException e = assertThrows(IoException.class, () -> read(Map.of("socketio.adapter", "redis",
                "socketio.redis.url", "redis://a:6379,redis://b:6379")));
        assertTrue(e.getMessage().contains("socketio.redis.url=redis://a:6379,redis://b:6379: names several Redis"),
                e.getMessage());
        e = assertThrows(IoException.class, () -> read(Map.of("socketio.adapter", "redis", "socketio.redis.topology",
                "cluster", "socketio.redis.url", "redis://:one@a:7000,rediss://:two@b:7000")));
        assertTrue(e.getMessage().contains("socketio.redis.url=redis://:****@a:7000,rediss://:****@b:7000: mixes"),
                "the passwords are masked: " + e.getMessage());
        e = assertThrows(IoException.class, () -> read(Map.of("socketio.adapter", "redis", "socketio.redis.topology",
                "clustered")));
        assertTrue(e.getMessage().contains("socketio.redis.topology=clustered: is not a topology"), e.getMessage());
    }

    @Test
    void theShardedAdapterIsClusterOnly() {
        assertEquals("cluster", read(Map.of("socketio.adapter", "redis-sharded")).redis().orElseThrow().topology(),
                "the key may be left out");
        assertEquals("cluster", read(Map.of("socketio.adapter", "redis-sharded", "socketio.redis.topology", "cluster"))
                .redis().orElseThrow().topology());
        for (String other : List.of("standalone", "sentinel")) {
            IoException e = assertThrows(IoException.class, () -> read(Map.of("socketio.adapter", "redis-sharded",
                    "socketio.redis.topology", other, "socketio.redis.sentinel.master", "m")));
            assertTrue(e.getMessage().contains("socketio.redis.topology=" + other + ": must be cluster with redis-sharded"),
                    e.getMessage());
        }
    }

    @Test
    void theParserIsDefaultOrMsgpackAndAnythingElseFailsTheDeployment() {
        assertEquals(io.socketee.internal.protocol.socketio.SocketIoParser.DEFAULT, read(Map.of()).parser());
        assertEquals(io.socketee.internal.protocol.socketio.SocketIoParser.MSGPACK,
                read(Map.of("socketio.parser", "msgpack")).parser());
        IoException e = assertThrows(IoException.class, () -> read(Map.of("socketio.parser", "messagepack")));
        assertTrue(e.getMessage().contains("socketio.parser=messagepack"), e.getMessage());
        assertTrue(e.getMessage().contains("default, msgpack"), e.getMessage());
    }

    @Test
    void namespacesAndTheirMiddlewareAreRead() {
        SocketIoConfig c = read(Map.of("socketio.namespaces", "/, /chat", "socketio.namespace./chat.connectionMiddleware",
                "auth, audit", "socketio.namespace./chat.packetMiddleware", "filter"));
        assertEquals(List.of(new SocketIoConfig.NamespaceConfig("/", List.of(), List.of()),
                new SocketIoConfig.NamespaceConfig("/chat", List.of("auth", "audit"), List.of("filter"))), c.namespaces());
        IoException e = assertThrows(IoException.class, () -> read(Map.of("socketio.namespaces", "chat")));
        assertTrue(e.getMessage().contains("socketio.namespaces=chat: a namespace must start with '/'"), e.getMessage());
    }

    @Test
    void compressionSettingsAreStrictKeysWithTheReferencesDefaults() {
        SocketIoConfig defaults = readAll(Map.of());
        assertEquals(new io.socketee.internal.engine.HttpCompression(true, 1024), defaults.engine().httpCompression());
        assertFalse(defaults.perMessageDeflate());
        SocketIoConfig set = readAll(Map.of("socketio.httpCompression", "false", "socketio.httpCompression.threshold", "4096",
                "socketio.perMessageDeflate", "true"));
        assertEquals(new io.socketee.internal.engine.HttpCompression(false, 4096), set.engine().httpCompression());
        assertTrue(set.perMessageDeflate());
        IoException e = assertThrows(IoException.class, () -> readAll(Map.of("socketio.perMessageDeflate", "on",
                "socketio.httpCompression.treshold", "10")));
        assertTrue(e.getMessage().contains("socketio.perMessageDeflate=on: must be true or false"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean socketio.httpCompression.threshold?"), e.getMessage());
    }

    /** Reads with every key of {@code values} as a configured property name. */
    private static SocketIoConfig readAll(Map<String, String> values) {
        return SocketIoConfig.read(k -> Optional.ofNullable(values.get(k)), values.keySet());
    }

    @Test
    void aMisspelledKeyFailsNamingTheKeyItResembles() {
        IoException e = assertThrows(IoException.class, () -> readAll(Map.of("socketio.namespaces", "/chat",
                "socketio.namespace./chat.connectionMiddlware", "token", "socketio.trasnports", "websocket")));
        String m = e.getMessage();
        assertTrue(m.contains("SOCKETEE-CONFIG-002 socketio.namespace./chat.connectionMiddlware is not a SocketEE setting;"
                + " did you mean socketio.namespace./chat.connectionMiddleware?"), m);
        assertTrue(m.contains("SOCKETEE-CONFIG-002 socketio.trasnports is not a SocketEE setting;"
                + " did you mean socketio.transports?"), m);
    }

    @Test
    void environmentVariablesAreCheckedInTheFormMicroProfileConfigMapsThemTo() {
        Map<String, String> ok = Map.of("SOCKETIO_PINGINTERVAL", "1000", "SOCKETIO_NAMESPACES", "/chat",
                "SOCKETIO_NAMESPACE__CHAT_PACKETMIDDLEWARE", "", "SOCKETIO_NAMESPACE__CHAT_ROUTE_HELLO", "", "PATH", "/bin");
        // MicroProfile Config finds SOCKETIO_NAMESPACES when asked for socketio.namespaces
        assertEquals("/socket.io", SocketIoConfig.read(k -> k.equals("socketio.namespaces") ? Optional.of("/chat")
                : Optional.empty(), List.copyOf(ok.keySet())).path(),
                "known keys, a route and unrelated variables pass");
        IoException e = assertThrows(IoException.class,
                () -> SocketIoConfig.read(k -> Optional.empty(), List.of("SOCKETIO_PINGINTERVALL")));
        assertTrue(e.getMessage().contains("SOCKETIO_PINGINTERVALL is not a SocketEE setting; did you mean"
                + " socketio.pingInterval?"), e.getMessage());
    }

    /** Open Liberty lists the variable SOCKETIO_WRITETIMEOUT as the property socketio.writetimeout. */
    @Test
    void aLowerCasedEnvironmentFormPassesWhenItResolvesTheKeyAndAPropertyInTheWrongCaseFails() {
        Map<String, String> liberty = Map.of("socketio.writeTimeout", "3000");
        assertEquals(Duration.ofMillis(3000), SocketIoConfig.read(k -> Optional.ofNullable(liberty.get(k)),
                List.of("socketio.writetimeout")).engine().writeTimeout(), "the environment's form of a set key");
        IoException e = assertThrows(IoException.class,
                () -> SocketIoConfig.read(k -> Optional.empty(), List.of("socketio.writetimeout")));
        assertTrue(e.getMessage().contains("socketio.writetimeout is not a SocketEE setting; did you mean"
                + " socketio.writeTimeout?"), "a properties file's wrong case is not read, so it is reported: "
                + e.getMessage());
    }

    @Test
    void keysOfANamespaceThatIsNotListedFail() {
        IoException e = assertThrows(IoException.class, () -> readAll(Map.of("socketio.namespaces", "/egg",
                "socketio.namespace./other.route.x", "a#b", "socketio.namespace./chat.connectionMiddleware", "auth")));
        String m = e.getMessage();
        assertTrue(m.contains("socketio.namespace./other.route.x is not a SocketEE setting (namespace /other is not listed"
                + " in socketio.namespaces)"), m);
        assertTrue(m.contains("socketio.namespace./chat.connectionMiddleware is not a SocketEE setting (namespace /chat"), m);
    }

    @Test
    void otherPropertiesAreNoneOfSocketEesBusiness() {
        assertEquals(Duration.ofMillis(25_000), readAll(Map.of("mp.messaging.x", "1", "socketio", "y",
                "socketiox.a", "b")).engine().pingInterval());
    }

    @Test
    void routesAreFoundAmongThePropertyNamesAndBadTargetsReported() {
        Map<String, String> values = Map.of("socketio.namespaces", "/egg", "socketio.namespace./egg.route.exchange",
                "nsp#exchange", "socketio.namespace./egg.route.ping", "com.example.Pings#ping");
        SocketIoConfig c = SocketIoConfig.read(k -> Optional.ofNullable(values.get(k)), values.keySet());
        assertEquals(Map.of("exchange", "nsp#exchange", "ping", "com.example.Pings#ping"), c.namespaces().get(0).routes());
        Map<String, String> bad = Map.of("socketio.namespaces", "/", "socketio.namespace./.route.e", "nohash",
                "socketio.pingInterval", "0");
        IoException e = assertThrows(IoException.class,
                () -> SocketIoConfig.read(k -> Optional.ofNullable(bad.get(k)), bad.keySet()));
        assertTrue(e.getMessage().contains("socketio.namespace./.route.e=nohash: must be <bean name or class>#<method>"),
                e.getMessage());
        assertTrue(e.getMessage().contains("socketio.pingInterval=0"), e.getMessage());
    }

    @Test
    void dynamicNamespacesAreReadByNameWithTheirPatternMiddlewareAndRoutes() {
        SocketIoConfig c = readAll(Map.of("socketio.dynamicNamespaces", "workspaces, projects",
                "socketio.dynamicNamespace.workspaces.pattern", "^/workspace-\\w+$",
                "socketio.dynamicNamespace.workspaces.connectionMiddleware", "auth, audit",
                "socketio.dynamicNamespace.workspaces.packetMiddleware", "filter",
                "socketio.dynamicNamespace.workspaces.route.ping", "pings#ping",
                "socketio.dynamicNamespace.projects.pattern", "^/project-\\d+$"));
        assertEquals(List.of(), c.namespaces());
        assertEquals(List.of(new SocketIoConfig.NamespaceConfig("workspaces", Optional.of("^/workspace-\\w+$"),
                List.of("auth", "audit"), List.of("filter"), Map.of("ping", "pings#ping")),
                new SocketIoConfig.NamespaceConfig("projects", Optional.of("^/project-\\d+$"), List.of(), List.of(),
                        Map.of())), c.dynamicNamespaces());
        assertEquals(c.dynamicNamespaces(), c.allNamespaces());
    }

    @Test
    void aDynamicNamespaceWithABadNameNoPatternABrokenPatternOrAnotherOnesPatternFails() {
        IoException e = assertThrows(IoException.class, () -> readAll(Map.of(
                "socketio.dynamicNamespaces", "^/w.*$, none, broken, first, second",
                "socketio.dynamicNamespace.broken.pattern", "^/(x$",
                "socketio.dynamicNamespace.first.pattern", "^/same$",
                "socketio.dynamicNamespace.second.pattern", "^/same$")));
        String m = e.getMessage();
        assertTrue(m.contains("SOCKETEE-CONFIG-001 socketio.dynamicNamespaces=^/w.*$: a dynamic namespace is listed by a"
                + " name of letters, digits, '-' and '_'"), m);
        assertTrue(m.contains("SOCKETEE-CONFIG-001 socketio.dynamicNamespace.none.pattern=: is required"), m);
        assertTrue(m.contains("SOCKETEE-CONFIG-001 socketio.dynamicNamespace.broken.pattern=^/(x$: is not a regular"
                + " expression: Unclosed group"), m);
        assertTrue(m.contains("SOCKETEE-CONFIG-001 socketio.dynamicNamespace.second.pattern=^/same$: is the pattern of"
                + " dynamic namespace first too"), m);
    }

    @Test
    void aMisspelledOrUnlistedDynamicNamespaceKeyFails() {
        IoException e = assertThrows(IoException.class, () -> readAll(Map.of("socketio.dynamicNamespaces", "workspaces",
                "socketio.dynamicNamespace.workspaces.pattern", "^/w$",
                "socketio.dynamicNamespace.workspaces.packetMiddlware", "filter",
                "socketio.dynamicNamespace.rooms.route.x", "a#b",
                "socketio.namespace.workspaces.connectionMiddleware", "auth")));
        String m = e.getMessage();
        assertTrue(m.contains("SOCKETEE-CONFIG-002 socketio.dynamicNamespace.workspaces.packetMiddlware is not a SocketEE"
                + " setting; did you mean socketio.dynamicNamespace.workspaces.packetMiddleware?"), m);
        assertTrue(m.contains("SOCKETEE-CONFIG-002 socketio.dynamicNamespace.rooms.route.x is not a SocketEE setting"
                + " (dynamic namespace rooms is not listed in socketio.dynamicNamespaces)"), m);
        assertTrue(m.contains("SOCKETEE-CONFIG-002 socketio.namespace.workspaces.connectionMiddleware is not a SocketEE"
                + " setting (namespace workspaces is not listed in socketio.namespaces)"), m);
    }

    @Test
    void dynamicNamespaceKeysPassInTheirEnvironmentForm() {
        Map<String, String> env = Map.of("SOCKETIO_DYNAMICNAMESPACES", "workspaces",
                "SOCKETIO_DYNAMICNAMESPACE_WORKSPACES_PATTERN", "^/w$",
                "SOCKETIO_DYNAMICNAMESPACE_WORKSPACES_ROUTE_PING", "pings#ping");
        Map<String, String> resolved = Map.of("socketio.dynamicNamespaces", "workspaces",
                "socketio.dynamicNamespace.workspaces.pattern", "^/w$");
        assertEquals(Optional.of("^/w$"), SocketIoConfig.read(k -> Optional.ofNullable(resolved.get(k)), env.keySet())
                .dynamicNamespaces().get(0).pattern());
    }

    @Test
    void theConfigurationReferenceListsEveryKeyWithItsDefault() throws Exception {
        String doc = Files.readString(Path.of("docs/configuration.md"));
        for (ConfigKeys k : ConfigKeys.values()) {
            String row = "| `" + k.key() + "` | " + (k.defaultValue().isEmpty() ? "(empty)" : "`" + k.defaultValue() + "`");
            assertTrue(doc.contains(row), "docs/configuration.md lacks " + row);
        }
    }
}
