package io.socketee.it.protocol;

import java.net.URI;
import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import io.socketee.it.protocol.support.SocketEeDeployments;

/** {@link PollingRules} against SocketEE. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class SocketEePollingIT extends PollingRules {

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

    @Override
    protected boolean answersAfterTheClientEndsItsSide() {
        return !System.getProperty("arquillian.launch", "").startsWith("payara");
    }
}
