package io.socketee.it.clients;

import io.socketee.it.support.ItDeployment;
import io.socketee.it.support.ItServer;
import java.net.URL;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The client scenarios against SocketEE's test application deployed with Arquillian: the same
 * official clients, transports and assertions as {@link ReferenceClientScenariosIT}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class SocketEeClientScenariosIT {

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    public static WebArchive app() {
        return ItDeployment.testApp();
    }

    @TestFactory
    Stream<DynamicNode> officialClientsBehaveAsAgainstTheReferenceServer() {
        return new ClientScenarios(ItServer.base(base), Target.SOCKETEE).all();
    }
}
