package io.socketee.it.msgpack;

import io.socketee.it.support.ItDeployment;
import io.socketee.it.support.ItServer;
import java.net.URL;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code socketio.parser=msgpack}: the test application ({@code io.socketee.it.app}, the contract
 * of reference-server.js) with {@code it-msgpack/microprofile-config.properties}, driven by
 * socket.io-client with socket.io-msgpack-parser and by the served msgpack bundle in Chromium
 * ({@link MsgpackScenarios}; {@code ReferenceMsgpackParserIT} runs the same against the reference).
 * A client of the default parser is refused, and the server's log says why, once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class MsgpackParserIT {
    private static final Pattern WARNING = Pattern.compile("Socket\\.IO parser mismatch: closed connection \\S+, which"
            + " got a text message.*socketio\\.parser=msgpack");

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    public static WebArchive app() {
        return ItDeployment.app("socketee-msgpack.war", "io.socketee.it.app", "it-msgpack/microprofile-config.properties");
    }

    /** First, while the deployment has refused nobody yet: two refusals, one warning. */
    @Test
    @Order(1)
    void aClientOfTheDefaultParserIsRefusedAndTheLogSaysSoOnce() throws InterruptedException {
        MsgpackScenarios.assertLoggedOnce(WARNING, () ->
                MsgpackScenarios.refusedOverPollingAndWebSocket(ItServer.base(base), MsgpackScenarios.REFUSAL));
    }

    @TestFactory
    @Order(2)
    Stream<DynamicNode> socketIoClientWithTheMsgpackParser() {
        return MsgpackScenarios.clients(ItServer.base(base));
    }

    @TestFactory
    @Order(3)
    Stream<DynamicNode> theServedMsgpackBundleInChromium() {
        return MsgpackScenarios.browser(ItServer.base(base));
    }
}
