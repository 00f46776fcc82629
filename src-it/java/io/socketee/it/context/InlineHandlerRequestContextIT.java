package io.socketee.it.context;

import io.socketee.it.support.ItDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The request context of handlers run on the container thread that delivered the packet
 * ({@code socketio.inlineHandlers=true}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class InlineHandlerRequestContextIT extends RequestContextScenarios {

    @Deployment(testable = false)
    public static WebArchive app() {
        return ItDeployment.app("socketee-context-inline.war", "io.socketee.it.context.app",
                "it-context/inline-microprofile-config.properties");
    }
}
