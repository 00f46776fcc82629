package io.socketee.it.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.it.model.NodeScenarios;
import io.socketee.it.support.ItServer;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The three examples of the demo WAR (docs/examples.md) used as people and programs use them:
 * the chat in headless Chromium through Playwright ({@code src-it/node/browser-chat.js}, one
 * browser context on polling only, a screenshot saved under
 * {@code target/failsafe-reports/screenshots/}), and the P2P exchange and signed HTTP push with
 * socket.io-client 4 and HTTP ({@code src-it/node/examples-scenarios.js}), refusals included.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class ExamplesIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    public static WebArchive app() {
        return ExampleDeployment.demo("socketee-examples.war");
    }

    @Test
    void chromiumIsInstalledForTheBrowserTests() {
        assertTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing: the browser tests need Debian's chromium;"
                + " run .ci/install-system-packages (as root) and try again");
    }

    @TestFactory
    Stream<DynamicTest> chatInChromium() {
        String server = System.getProperty("arquillian.launch", "server");
        Path screenshot = Path.of(System.getProperty("socketee.it.screenshotDir", "target/failsafe-reports/screenshots"))
                .resolve("chat-" + server + ".png").toAbsolutePath();
        return NodeScenarios.run("browser-chat.js", "chromium", "--url", ItServer.base(base).toString(),
                "--screenshot", screenshot.toString());
    }

    @TestFactory
    Stream<DynamicTest> p2pAndPushOverWebSocket() {
        return NodeScenarios.run("examples-scenarios.js", "websocket", "--url", ItServer.base(base).toString(),
                "--transport", "websocket");
    }

    @TestFactory
    Stream<DynamicTest> p2pAndPushOverPolling() {
        return NodeScenarios.run("examples-scenarios.js", "polling", "--url", ItServer.base(base).toString(),
                "--transport", "polling");
    }
}
