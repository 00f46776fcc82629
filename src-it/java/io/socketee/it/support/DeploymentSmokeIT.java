package io.socketee.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Proves the server + Arquillian chain: the test WAR deploys and answers over loopback. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class DeploymentSmokeIT {

    @ArquillianResource
    private URL deploymentUrl;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return ItDeployment.testApp();
    }

    @Test
    public void healthServletAnswersOkOverLoopback() throws Exception {
        URI health = ItServer.resolve(deploymentUrl, "it-health");
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals("127.0.0.1", health.getHost());
        assertEquals(200, response.statusCode());
        assertEquals("ok", response.body());
    }

    /** SocketEE's checks on the server's own MicroProfile Health endpoints: both up. */
    @Test
    public void livenessAndReadinessReportSocketEeUp() throws Exception {
        for (String kind : new String[] {"live", "ready"}) {
            URI uri = ItServer.health(deploymentUrl, kind);
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String body = response.body().replaceAll("\\s", "");
            assertTrue(body.contains("\"name\":\"socketee\"") && body.contains("\"status\":\"UP\""),
                    uri + " answered " + response.statusCode() + " " + response.body());
            assertEquals(200, response.statusCode(), uri + ": " + response.body());
        }
    }

    @Test
    public void testWarCarriesLibraryAsJarWithClientBundle() {
        WebArchive war = ItDeployment.testApp();
        ArchivePath libraryJar = ArchivePaths.create("WEB-INF/lib", ItDeployment.LIBRARY_JAR_NAME);
        assertTrue(war.contains(libraryJar), "library jar in WEB-INF/lib");
        assertTrue(war.contains("WEB-INF/classes/META-INF/microprofile-config.properties"), "app config");
        assertTrue(war.contains("WEB-INF/beans.xml"), "beans.xml");
        assertTrue(war.contains("WEB-INF/classes/io/socketee/it/app/HealthServlet.class"), "test app classes");

        JavaArchive library = ItDeployment.libraryJar();
        for (String file : new String[] {"socket.io.js", "socket.io.min.js", "socket.io.esm.min.js",
                "socket.io.msgpack.min.js", "socket.io.js.map", "socket.io.min.js.map",
                "socket.io.esm.min.js.map", "socket.io.msgpack.min.js.map"}) {
            assertTrue(library.contains("META-INF/socketee/client-dist/" + file), file + " in the library jar");
        }
    }
}
