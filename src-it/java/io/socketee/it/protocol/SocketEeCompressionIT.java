package io.socketee.it.protocol;

import java.net.URI;
import java.net.URL;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.it.protocol.support.SocketEeDeployments;

/**
 * {@link CompressionRules} against SocketEE with {@code socketio.perMessageDeflate=true}
 * ({@code socketio.httpCompression} at its default, on), plus the Content-Length SocketEE sends
 * with a compressed body. Which containers have permessage-deflate is in docs/configuration.md:
 * WildFly's is turned on for the ITs (pom.xml); Open Liberty and Payara Micro install none, so
 * there the offer must be declined and the clients must work without it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class SocketEeCompressionIT extends CompressionRules {

    @ArquillianResource
    private URL deploymentUrl;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return SocketEeDeployments.withSetting("socketee-it-compression.war", "socketio.perMessageDeflate", "true");
    }

    @Override
    protected boolean perMessageDeflateAvailable() {
        return System.getProperty("arquillian.launch", "").startsWith("wildfly");
    }

    /** A compressed polling answer carries its Content-Length, smaller than the payload. */
    @Test
    public void aGzippedPollingAnswerHasAContentLengthSmallerThanThePayload() {
        Answer answer = echoOverPolling(LARGE, Map.of("Accept-Encoding", "gzip"));

        assertEquals("gzip", answer.response().headerOrAbsent("content-encoding"));
        long length = Long.parseLong(answer.response().headerOrAbsent("content-length"));
        assertEquals(answer.response().body().length, length);
        assertTrue(length < answer.decoded().length(), "Content-Length " + length + ", payload " + answer.decoded().length());
    }

    @Override
    protected URI baseUrl() {
        return SocketEeDeployments.socketIoBase(deploymentUrl);
    }
}
