package io.socketee.it.clients;

import io.socketee.it.support.NodeProcess;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The client scenarios against the Node.js reference server (src-it/node/reference-server.js),
 * proving that the scenarios themselves are right: every one must pass here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferenceClientScenariosIT {
    private NodeProcess server;

    @BeforeAll
    void startReferenceServer() {
        server = NodeProcess.startReferenceServer();
    }

    @AfterAll
    void stopReferenceServer() {
        NodeProcess.stopCheckingItRan(server);
    }

    @TestFactory
    Stream<DynamicNode> officialClientsBehaveAsSpecifiedAgainstTheReferenceServer() {
        return new ClientScenarios(server.baseUrl(), Target.REFERENCE).all();
    }
}
