package io.socketee.it.portability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.socketee.it.protocol.support.PollingSession;
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
 * {@code Upgrade: h2c}, as the JDK's client asks for it) are refused by SocketEE's filter and
 * never handed to the container's own upgrade in the filter chain (where Open Liberty's HTTP/2
 * handler threw a NullPointerException and held the request); WildFly's Undertow upgrades before
 * any application code runs, and SocketEE's answer then goes over HTTP/2. Each request gets its
 * answer and the server's log gets no exception and no incident report. The answers themselves
 * are protocol rules ({@code ErrorResponseRules}); this class reads the log, on the servers whose
 * log the tests can read (Open Liberty, WildFly; Payara Micro logs to its console).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class ForeignUpgradeIT {

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
            RawResponse handshake = RawPolling.askingForH2c(base).get("EIO=4&transport=polling");
            assertEquals(400, handshake.status(), handshake::toString);
            RawResponse get = RawPolling.askingForH2c(base).get(session.query());
            assertEquals(400, get.status(), get::toString);
            RawResponse post = RawPolling.askingForH2c(base).post(session.query(), "40");
            assertEquals(405, post.status(), post::toString);
        }

        if (log.isPresent()) {
            String written = log.get().since(mark.get());
            assertFalse(TROUBLE.matcher(written).find(), () -> "the server log (" + log.get() + ") got:\n" + written);
        }
    }
}
