package io.socketee.it.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds the integration-test WAR the way a user builds theirs: the library as a jar in
 * {@code WEB-INF/lib}, the test application ({@code io.socketee.it.app}) in {@code WEB-INF/classes}.
 *
 * <p>Stateless; every method builds a new archive, so it is safe to call from any thread.
 */
public final class ItDeployment {

    /** System property (set by failsafe) naming the library's compiled classes folder. */
    public static final String LIBRARY_CLASSES_PROPERTY = "socketee.classes";

    /** Name of the test WAR, and so the context root it gets on the server. */
    public static final String WAR_NAME = "socketee-it.war";

    /** Name of the library jar inside {@code WEB-INF/lib}. */
    public static final String LIBRARY_JAR_NAME = "socketee.jar";

    private static final String APP_PACKAGE = "io.socketee.it.app";
    private static final String APP_CONFIG = "it-app/microprofile-config.properties";
    private static final String BEANS_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <beans xmlns="https://jakarta.ee/xml/ns/jakartaee"
                   xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                   xsi:schemaLocation="https://jakarta.ee/xml/ns/jakartaee https://jakarta.ee/xml/ns/jakartaee/beans_4_0.xsd"
                   version="4.0" bean-discovery-mode="annotated">
            </beans>
            """;

    private ItDeployment() {
    }

    /**
     * The test application: library jar, every class of {@code io.socketee.it.app} (recursively),
     * its MicroProfile Config ({@code src-it/resources/it-app/microprofile-config.properties}) and
     * a {@code beans.xml} with {@code bean-discovery-mode="annotated"}.
     */
    public static WebArchive testApp() {
        return ShrinkWrap.create(WebArchive.class, WAR_NAME)
                .addAsLibrary(libraryJar())
                .addPackages(true, APP_PACKAGE)
                .addAsResource(APP_CONFIG, "META-INF/microprofile-config.properties")
                .addAsWebInfResource(new StringAsset(BEANS_XML), "beans.xml");
    }

    /**
     * Another test application: the library jar, every class of {@code appPackage} (recursively),
     * the MicroProfile Config at {@code configResource} (a test resource path) and the same
     * {@code beans.xml}, as a WAR named {@code warName} (its context root).
     */
    public static WebArchive app(String warName, String appPackage, String configResource) {
        return ShrinkWrap.create(WebArchive.class, warName)
                .addAsLibrary(libraryJar())
                .addPackages(true, appPackage)
                .addAsResource(configResource, "META-INF/microprofile-config.properties")
                .addAsWebInfResource(new StringAsset(BEANS_XML), "beans.xml");
    }

    /**
     * As {@link #app(String, String, String)}, with the MicroProfile Config given as an asset
     * (built by the test, say with a password hash made at deployment).
     */
    public static WebArchive app(String warName, String appPackage, org.jboss.shrinkwrap.api.asset.Asset config) {
        return ShrinkWrap.create(WebArchive.class, warName)
                .addAsLibrary(libraryJar())
                .addPackages(true, appPackage)
                .addAsResource(config, "META-INF/microprofile-config.properties")
                .addAsWebInfResource(new StringAsset(BEANS_XML), "beans.xml");
    }

    /** The jars on the test classpath that hold the classes {@code names}, as a user's WAR carries them. */
    public static java.io.File[] jarsOf(String... names) {
        return java.util.Arrays.stream(names).map(n -> jarOf(n).toFile()).toArray(java.io.File[]::new);
    }

    /**
     * A member of the test cluster: the library, the Redis client (Jedis and what it needs, as a
     * user's cluster WAR carries them), {@code io.socketee.it.cluster.app}, and a MicroProfile
     * Config that names the node and points the Redis adapter at {@code redisUrl}.
     */
    public static WebArchive clusterApp(String warName, String nodeName, String redisUrl) {
        return clusterApp(warName, nodeName, redisUrl, "redis", false);
    }

    /**
     * The cluster app on {@code adapter} ({@code redis} or {@code redis-streams}), with
     * connection state recovery when {@code recovery}.
     */
    public static WebArchive clusterApp(String warName, String nodeName, String redisUrl, String adapter,
            boolean recovery) {
        return clusterApp(warName, nodeName, redisUrl, adapter, recovery, java.util.List.of());
    }

    /** As the other, with {@code more} configuration lines ({@code key=value}). */
    public static WebArchive clusterApp(String warName, String nodeName, String redisUrl, String adapter,
            boolean recovery, java.util.List<String> more) {
        String config = String.join("\n", more) + "\n" + String.join("\n",
                "it.node.name=" + nodeName,
                "socketio.adapter=" + adapter,
                "socketio.connectionStateRecovery=" + recovery,
                "socketio.redis.url=" + redisUrl,
                "socketio.redis.requestsTimeout=3000",
                "socketio.pingInterval=1500",
                "socketio.pingTimeout=3000",
                "");
        WebArchive war = ShrinkWrap.create(WebArchive.class, warName)
                .addAsLibrary(libraryJar())
                .addPackages(true, "io.socketee.it.cluster.app")
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties")
                .addAsWebInfResource(new StringAsset(BEANS_XML), "beans.xml");
        for (String type : new String[] {"redis.clients.jedis.Jedis", "org.apache.commons.pool2.ObjectPool",
                "org.slf4j.Logger", "com.google.gson.Gson", "org.json.JSONObject"}) {
            war.addAsLibrary(jarOf(type).toFile());
        }
        return war;
    }

    /** The jar on the test classpath that holds class {@code name}. */
    private static Path jarOf(String name) {
        try {
            Class<?> type = Class.forName(name, false, ItDeployment.class.getClassLoader());
            Path jar = Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(name + " is not in a jar: " + jar);
            }
            return jar;
        } catch (ClassNotFoundException | java.net.URISyntaxException e) {
            throw new IllegalStateException("not on the test classpath: " + name, e);
        }
    }

    /** The library jar, built from its compiled classes and resources (the build output folder). */
    public static JavaArchive libraryJar() {
        return ShrinkWrap.create(ExplodedImporter.class, LIBRARY_JAR_NAME)
                .importDirectory(libraryClasses().toFile())
                .as(JavaArchive.class);
    }

    /** The library's build output folder, from {@value #LIBRARY_CLASSES_PROPERTY}. */
    public static Path libraryClasses() {
        String value = System.getProperty(LIBRARY_CLASSES_PROPERTY);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + LIBRARY_CLASSES_PROPERTY
                    + " is not set: run the integration tests with `mvn verify`, or set it to the"
                    + " library's classes folder (e.g. target/classes)");
        }
        Path classes = Paths.get(value);
        if (!Files.isDirectory(classes.resolve("io/socketee"))) {
            throw new IllegalStateException(LIBRARY_CLASSES_PROPERTY + "=" + value
                    + " does not hold the compiled library (no io/socketee folder)");
        }
        return classes;
    }
}
