package io.socketee.it.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.socketee.it.protocol.support.RawWebSocket;
import io.socketee.it.protocol.support.SocketEeDeployments;
import io.socketee.it.protocol.support.Wire;

/**
 * {@link SocketIoViolationRules} against SocketEE, and the bounds on partial binary packets that
 * the reference does not have (so they are SocketEE's rules only): the attachments of one packet
 * may hold at most maxHttpBufferSize in all, and must all come within
 * {@code socketio.attachmentTimeout} of its header (8 s in the test application). The reference
 * accepts each attachment up to maxHttpBufferSize and waits for ever.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class SocketEeSocketIoViolationIT extends SocketIoViolationRules {

    @ArquillianResource
    private URL deploymentUrl;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return SocketEeDeployments.testApp();
    }

    @Override
    protected URI baseUrl() {
        return SocketEeDeployments.socketIoBase(deploymentUrl);
    }

    @Override
    protected CloseCodes closeCodes() {
        return CloseCodes.SOCKETEE;
    }

    /** SocketEE only: attachments holding exactly maxHttpBufferSize in all make their packet. */
    @Test
    public void attachmentsHoldingMaxHttpBufferSizeInAllAreAccepted() {
        RawWebSocket ws = webSocketV4Connected();

        ws.send("452-" + binaryEcho(2));
        ws.send(new byte[Wire.MAX_PAYLOAD / 2]);
        ws.send(new byte[Wire.MAX_PAYLOAD / 2]);

        assertEquals("452-" + binaryEcho(2), ws.nextTextAnsweringPings());
        assertEquals(Wire.MAX_PAYLOAD / 2, ws.nextBinary().length);
        assertEquals(Wire.MAX_PAYLOAD / 2, ws.nextBinary().length);
    }

    /** SocketEE only: the attachment that takes a packet past maxHttpBufferSize in all closes the connection. */
    @Test
    public void attachmentsHoldingMoreThanMaxHttpBufferSizeCloseTheConnection() {
        RawWebSocket ws = webSocketV4Connected();

        ws.send("452-" + binaryEcho(2));
        ws.send(new byte[Wire.MAX_PAYLOAD / 2]);
        ws.send(new byte[Wire.MAX_PAYLOAD / 2 + 1]);

        assertEquals(new RawWebSocket.Closed(serverCloseCode(), ""), ws.awaitEnd(true));
    }

    /**
     * SocketEE only: a packet whose last attachment does not come within the attachment timeout
     * closes the connection, though the client answers every ping.
     */
    @Test
    public void withheldAttachmentClosesTheConnectionAtTheDeadline() {
        RawWebSocket ws = webSocketV4Connected();

        ws.send("452-" + binaryEcho(2));
        ws.send(new byte[] {1});

        assertEquals(new RawWebSocket.Closed(serverCloseCode(), ""), ws.awaitEnd(true));
    }
}
