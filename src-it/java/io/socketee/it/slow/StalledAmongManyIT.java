package io.socketee.it.slow;

import io.socketee.it.protocol.support.SocketEeDeployments;
import java.net.URL;
import java.util.Map;
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
 * Stalled clients kept connected (bounds too roomy to drop them during the test: 64 MiB, 120 s),
 * to show that sending never waits for them ({@code src-it/node/slow-consumer-scenarios.js}):
 * "many", 10 stalled WebSocket clients among 1,000 sockets: a broadcast of 25 MB to the stalled
 * ones returns, and then every one of the 990 others gets a broadcast to all, in order, while
 * the stalled ones are still connected; "volatile", a client whose TCP socket is not read gets
 * every reliable packet in order once it reads again, and volatile packets sent meanwhile are
 * dropped.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class StalledAmongManyIT {

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return SocketEeDeployments.withSettings("socketee-it-roomy.war", Map.of(
                "socketio.maxBufferedBytes", String.valueOf(64 << 20), "socketio.writeTimeout", "120000",
                "socketio.pingInterval", "25000", "socketio.pingTimeout", "20000"));
    }

    @TestFactory
    Stream<DynamicTest> broadcastsToAThousandSocketsNeverWaitForTheTenStalledOnes() {
        return SlowConsumerIT.SlowConsumers.run(base, "websocket", "many");
    }

    @TestFactory
    Stream<DynamicTest> volatilePacketsToACongestedClientAreDroppedAndReliableOnesArriveInOrder() {
        return SlowConsumerIT.SlowConsumers.run(base, "websocket", "volatile");
    }
}
