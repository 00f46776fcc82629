package io.socketee.it.admin;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.socketee.it.support.ItDeployment;
import io.socketee.it.support.ItServer;
import io.socketee.it.support.ScenarioRun;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The official Socket.IO admin UI ({@code @socket.io/admin-ui} 0.5.1, its own static files) in
 * headless Chromium against a SocketEE application with {@code socketio.admin.enabled}
 * ({@code src-it/node/admin-ui.js}): the UI refuses a wrong password and logs in with basic
 * auth (a bcrypt hash in the configuration), lists the server, shows a real socket.io-client's
 * socket with its rooms and its transport, and a disconnect clicked in the UI disconnects that
 * client ("io server disconnect"). Screenshots go to {@code target/failsafe-reports/screenshots/}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class AdminUiIT {
    private static final String USER = "operator";
    private static final String PASSWORD = "correct horse battery staple";
    /** Every scenario of admin-ui.js, as it names them. */
    private static final List<String> SCENARIOS = List.of(
            "a wrong password is refused in the UI, the right one logs in",
            "the Servers page lists this server with its clients",
            "the Sockets page shows the real client's socket on WebSocket, with its rooms",
            "a disconnect clicked in the UI disconnects the real client");

    @ArquillianResource
    private URL base;

    private static String serverId() {
        return "socketee-it-" + System.getProperty("arquillian.launch", "server");
    }

    @Deployment(testable = false)
    public static WebArchive app() {
        String config = String.join("\n",
                "socketio.admin.enabled=true",
                "socketio.admin.auth.username=" + USER,
                "socketio.admin.auth.password=" + BCrypt.withDefaults().hashToString(10, PASSWORD.toCharArray()),
                "socketio.admin.serverId=" + serverId(),
                // the UI is served from another origin and polls with credentials
                "socketio.cors.enabled=true",
                "socketio.cors.credentials=true",
                "");
        return ItDeployment.app("socketee-admin.war", "io.socketee.it.admin.app", new StringAsset(config))
                .addAsLibraries(ItDeployment.jarsOf("at.favre.lib.crypto.bcrypt.BCrypt", "at.favre.lib.bytes.Bytes"));
    }

    @TestFactory
    Stream<DynamicTest> theOfficialAdminUiInChromium() {
        String server = System.getProperty("arquillian.launch", "server");
        Path screenshots = Path.of(System.getProperty("socketee.it.screenshotDir", "target/failsafe-reports/screenshots"))
                .toAbsolutePath();
        return ScenarioRun.tests("admin-ui.js", "chromium", SCENARIOS, "--url", ItServer.base(base).toString(),
                "--user", USER, "--password", PASSWORD, "--server-id", serverId(),
                "--screenshots", screenshots.toString(), "--name", server);
    }
}
