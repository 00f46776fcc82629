package io.socketee.it.portability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.it.protocol.support.PollingSession;
import io.socketee.it.protocol.support.RawHttpConnection;
import io.socketee.it.protocol.support.RawPolling;
import io.socketee.it.protocol.support.RawResponse;
import io.socketee.it.protocol.support.SocketEeDeployments;
import io.socketee.it.support.ServerLog;
import java.net.URI;
import java.net.URL;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Requests to upgrade the engine path to something SocketEE does not serve (HTTP/2 cleartext,
 * {@code Upgrade: h2c}) are refused by SocketEE itself and never handed to the container's own
 * upgrade (Open Liberty's HTTP/2 handler threw a NullPointerException for them): each gets its
 * answer and the server's log gets no exception and no incident report. The answers themselves
 * are protocol rules ({@code ErrorResponseRules}); this class reads the log, on the servers whose
 * log the tests can read (Open Liberty, WildFly; Payara Micro logs to its console).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class ForeignUpgradeIT {

    private static final String H2C = "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
            + "HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA";
    private static final Pattern TROUBLE = Pattern.compile("Exception|FFDC|incident file|SEVERE|ERROR");

    @ArquillianResource
    private URL deploymentUrl;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        // a heartbeat slow enough that no session ends while the test runs on a loaded machine
        return SocketEeDeployments.withSettings("socketee-it-h2c.war",
                Map.of("socketio.pingInterval", "60000", "socketio.pingTimeout", "60000"));
    }

    @Test
    public void h2cUpgradesAreAnsweredAndLeaveNothingInTheServerLog() {
        URI base = SocketEeDeployments.socketIoBase(deploymentUrl);
        Optional<ServerLog> log = ServerLog.ofThisServer();
        Optional<ServerLog.Mark> mark = log.map(ServerLog::mark);

        for (int i = 0; i < 10; i++) {
            PollingSession session = PollingSession.v4(new RawPolling(base));
            RawResponse handshake = answer(base, c -> c.head("GET", "EIO=4&transport=polling", H2C));
            assertEquals(400, handshake.status(), handshake::toString);
            RawResponse get = answer(base, c -> c.head("GET", session.query(), H2C));
            assertEquals(400, get.status(), get::toString);
            RawResponse post = answer(base, c -> c.head("POST", session.query(), H2C, "Content-Length: 2") + "40");
            assertEquals(405, post.status(), post::toString);
        }

        if (log.isPresent()) {
            String written = log.get().since(mark.get());
            assertFalse(TROUBLE.matcher(written).find(), () -> "the server log (" + log.get() + ") got:\n" + written);
        }
    }

    /** Sends one request on a connection of its own; the server answers and closes the connection. */
    private static RawResponse answer(URI base, java.util.function.Function<RawHttpConnection, String> request) {
        try (RawHttpConnection c = RawHttpConnection.open(base)) {
            c.write(request.apply(c));
            RawResponse r = c.readResponse(RawHttpConnection.READ_TIMEOUT)
                    .orElseThrow(() -> new AssertionError("the connection was closed without an answer"));
            assertTrue(c.closedByServer(RawHttpConnection.READ_TIMEOUT), "the server closes the connection after " + r);
            return r;
        }
    }
}
