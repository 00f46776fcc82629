package io.socketee.it.archetype;

import io.socketee.it.support.ItServer;
import io.socketee.it.support.ScenarioRun;
import java.net.URL;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The starter: a project generated from {@code io.socketee:socketee-archetype} and built with
 * Maven ({@link GeneratedStarter}), its WAR deployed unchanged, and chatted through with
 * socket.io-client 4 over WebSocket and over polling ({@code src-it/node/archetype-chat.js}):
 * the nickname middleware refuses a client without one, members of a room chat and hear joins
 * and departures, and another room hears nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class ArchetypeIT {
    /** Every scenario of archetype-chat.js, as it names them. */
    private static final List<String> SCENARIOS = List.of(
            "a client without a nickname is refused by the middleware",
            "two clients in one room chat, a third in another room hears nothing",
            "a member who disconnects is announced to the room");

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    public static WebArchive app() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, GeneratedStarter.war().toFile());
    }

    /** The scenarios over WebSocket only, then over polling only. */
    @TestFactory
    Stream<DynamicTest> chatOverEachTransport() {
        return Stream.of("websocket", "polling").flatMap(transport -> ScenarioRun.tests("archetype-chat.js", transport,
                SCENARIOS, "--url", ItServer.base(base).toString(), "--transport", transport));
    }
}
