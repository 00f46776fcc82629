package io.socketee.it.security;

import io.socketee.it.support.ItDeployment;
import io.socketee.it.support.ItServer;
import io.socketee.it.support.ScenarioRun;
import java.net.URL;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A protected WAR: its web.xml puts the Socket.IO path behind BASIC authentication (any
 * authenticated user), against the users each test server is given in {@code server-config/} and
 * pom.xml (ann in role "chat", bob in none: Open Liberty's basicRegistry, Payara Micro's file
 * realm, WildFly's ApplicationRealm). With the official socket.io-client 4 and raw clients
 * ({@code src-it/node/security-scenarios.js}): an unauthenticated or wrongly authenticated
 * handshake is refused with HTTP 401 over polling and WebSocket; an authenticated client is seen
 * by the handlers under its name ({@code Handshake.principal()}) with its roles
 * ({@code Handshake.isUserInRole}) over polling, WebSocket and an upgrade, and connection
 * middleware admits or refuses it by role.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class SecurityIT {
    private static final List<String> SCENARIOS = List.of(
            "anonymous polling handshake: HTTP 401 with a Basic challenge",
            "anonymous WebSocket handshake: HTTP 401",
            "wrong password: HTTP 401 over polling and WebSocket",
            "socket.io-client 4 without credentials cannot connect over polling",
            "socket.io-client 4 without credentials cannot connect over WebSocket",
            "authenticated polling handshake: HTTP 200",
            "ann over polling is seen as ann, in role chat, not admin",
            "ann over WebSocket only is seen as ann, in role chat, not admin",
            "ann upgrading from polling to WebSocket is seen as ann, in role chat",
            "bob is seen as bob, in no role",
            "connection middleware of /members admits ann (role chat) and refuses bob by name");

    @ArquillianResource
    private URL deploymentUrl;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return ItDeployment.app("socketee-it-security.war", "io.socketee.it.security.app",
                        "it-security/microprofile-config.properties")
                .addAsWebInfResource("it-security/web.xml", "web.xml");
    }

    @TestFactory
    public Stream<DynamicTest> aProtectedWarRefusesAnonymousClientsAndShowsAuthenticatedOnesUnderTheirName() {
        return ScenarioRun.tests("security-scenarios.js", "security", SCENARIOS,
                "--url", ItServer.resolve(deploymentUrl, "socket.io/").toString());
    }
}
