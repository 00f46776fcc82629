package io.socketee.it.msgpack;

import io.socketee.it.support.NodeProcess;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The msgpack parser's scenarios against the Node.js reference server with
 * socket.io-msgpack-parser ({@code reference-server.js} with {@code {"parser": "msgpack"}}),
 * proving the scenarios right, the wire bytes they compare included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferenceMsgpackParserIT {
    private NodeProcess server;
    private NodeProcess defaultServer;

    @BeforeAll
    void startReferenceServers() {
        server = NodeProcess.startServer(Duration.ofSeconds(20), "reference-server.js", "0", "{\"parser\":\"msgpack\"}");
        defaultServer = NodeProcess.startReferenceServer();
    }

    @AfterAll
    void stopReferenceServers() {
        try {
            NodeProcess.stopCheckingItRan(server);
        } finally {
            NodeProcess.stopCheckingItRan(defaultServer);
        }
    }

    /** As MsgpackClientOfDefaultServerIT, without the log: the reference logs nothing. */
    @Test
    void aClientOfTheMsgpackParserIsRefusedByADefaultParserServer() {
        MsgpackScenarios.refusedOverPollingAndWebSocket(defaultServer.baseUrl(), MsgpackScenarios.REFUSED_BY_DEFAULT,
                "--server-parser", "default");
    }

    @TestFactory
    Stream<DynamicNode> socketIoClientWithTheMsgpackParser() {
        return MsgpackScenarios.clients(server.baseUrl());
    }

    @TestFactory
    Stream<DynamicNode> theServedMsgpackBundleInChromium() {
        return MsgpackScenarios.browser(server.baseUrl());
    }
}
