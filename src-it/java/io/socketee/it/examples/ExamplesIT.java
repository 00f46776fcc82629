package io.socketee.it.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.it.support.ItServer;
import io.socketee.it.support.ScenarioRun;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * The examples of the demo WAR (docs/examples.md) used as people and programs use them: the
 * tutorial chat at "/" and the chat rooms in headless Chromium through Playwright
 * ({@code src-it/node/browser-chat.js}, one browser context on polling only, a screenshot saved under
 * {@code target/failsafe-reports/screenshots/}), and the P2P exchange and signed HTTP push with
 * socket.io-client 4 and HTTP ({@code src-it/node/examples-scenarios.js}), refusals included.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class ExamplesIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Every scenario of browser-chat.js, as it names them. */
    private static final List<String> CHAT = List.of(
            "the tutorial chat at /: every chat message reaches everyone, the sender included, over polling and WebSocket",
            "two people, one on polling only, chat and see each other join and leave",
            "a message before joining and an empty nickname are refused");
    /** Every scenario of examples-scenarios.js, as it names them. */
    private static final List<String> P2P_AND_PUSH = List.of(
            "p2p: a client naming an unknown room is denied with the deny envelope",
            "p2p: the room hears the online roster on join and on leave",
            "p2p: exchange delivers parseMsg to the target socket only",
            "push: a signed request reaches one client by socket id",
            "push: delivery by user id follows the user across a reconnect (reconnect-and-update)",
            "push: a bad signature gets 401 with a JSON reason and delivers nothing",
            "push: a stale or future timestamp gets 401 and delivers nothing",
            "push: a replayed request gets 409 and is delivered once",
            "push: the legacy md5(app + key + timestamp) mode, opt-in per app",
            "push: unknown app, absent client and malformed body are refused",
            "push: socket actions sendToOthers, broadcast and deny work as the seed describes");

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
        return ScenarioRun.tests("browser-chat.js", "chromium", CHAT, "--url", ItServer.base(base).toString(),
                "--screenshot", screenshot.toString());
    }

    @TestFactory
    Stream<DynamicTest> p2pAndPushOverWebSocket() {
        return ScenarioRun.tests("examples-scenarios.js", "websocket", P2P_AND_PUSH, "--url", ItServer.base(base).toString(),
                "--transport", "websocket");
    }

    @TestFactory
    Stream<DynamicTest> p2pAndPushOverPolling() {
        return ScenarioRun.tests("examples-scenarios.js", "polling", P2P_AND_PUSH, "--url", ItServer.base(base).toString(),
                "--transport", "polling");
    }
}
