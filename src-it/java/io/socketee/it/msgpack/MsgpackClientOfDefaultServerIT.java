package io.socketee.it.msgpack;

import io.socketee.it.support.ItDeployment;
import io.socketee.it.support.ItServer;
import java.net.URL;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The other way round from {@link MsgpackParserIT}: a socket.io-msgpack-parser client of the test
 * application with the default parser is refused, and the server's log says why, once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class MsgpackClientOfDefaultServerIT {
    private static final Pattern WARNING = Pattern.compile("Socket\\.IO parser mismatch: closed connection \\S+, which"
            + " got binary data when not reconstructing a packet \\(a msgpack map.*set socketio\\.parser=msgpack");

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    public static WebArchive app() {
        return ItDeployment.testApp();
    }

    @Test
    void aClientOfTheMsgpackParserIsRefusedAndTheLogSaysSoOnce() throws InterruptedException {
        MsgpackScenarios.assertLoggedOnce(WARNING, () -> MsgpackScenarios.refusedOverPollingAndWebSocket(
                ItServer.base(base), MsgpackScenarios.REFUSED_BY_DEFAULT, "--server-parser", "default"));
    }
}
