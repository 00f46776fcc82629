package io.socketee.it.msgpack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socketee.it.support.ScenarioRun;
import io.socketee.it.support.ServerLog;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;

/**
 * The msgpack parser's scenarios, the same against SocketEE and the reference server:
 * socket.io-client 4.8.1 with socket.io-msgpack-parser 3.0.2 ({@code src-it/node/msgpack-scenarios.js})
 * over polling, WebSocket and an upgrade, and the server's msgpack bundle in Chromium
 * ({@code src-it/node/msgpack-browser.js}). Stateless.
 */
final class MsgpackScenarios {
    /** Every scenario of msgpack-scenarios.js, as it names them. */
    static final List<String> CLIENT = List.of(
            "every packet is one binary message: byte for byte the reference's",
            "connects to / and to a custom namespace with auth, and a refusal carries its data",
            "an emit with nested data and Buffers is acknowledged with the same values",
            "the server emits with an ack and gets the client's answer, binary included, on a namespace",
            "a room broadcast with binary reaches the members only",
            "a client without the msgpack parser is disconnected");

    /** The scenario of msgpack-scenarios.js where a client of the default parser comes. */
    static final String REFUSAL = "a client without the msgpack parser is disconnected";

    /** The one scenario of msgpack-scenarios.js with {@code --server-parser default}. */
    static final String REFUSED_BY_DEFAULT = "a client with the msgpack parser is disconnected by a default-parser server";

    /** Every scenario of msgpack-browser.js. */
    static final List<String> BROWSER = List.of(
            "the served msgpack bundle emits and is acknowledged over polling",
            "the served msgpack bundle emits and is acknowledged over WebSocket",
            "the served msgpack bundle emits and is acknowledged after an upgrade");

    private MsgpackScenarios() {
    }

    /** The client scenarios against the server at {@code base}, once per transport mode. */
    static Stream<DynamicNode> clients(URI base) {
        return Stream.of("polling", "websocket", "upgrade").map(mode -> DynamicContainer.dynamicContainer(mode,
                ScenarioRun.tests("msgpack-scenarios.js", mode, CLIENT, "--url", base.toString(), "--transport", mode)));
    }

    /**
     * Runs {@code scenario} of msgpack-scenarios.js (a refusal, with {@code extraArgs}) over
     * polling and over WebSocket against the server at {@code base}.
     */
    static void refusedOverPollingAndWebSocket(URI base, String scenario, String... extraArgs) {
        for (String mode : List.of("polling", "websocket")) {
            List<String> args = new ArrayList<>(List.of("--url", base.toString(), "--transport", mode, "--only", scenario));
            args.addAll(List.of(extraArgs));
            ScenarioRun run = ScenarioRun.run(Duration.ofMinutes(1), List.of(scenario), "msgpack-scenarios.js",
                    args.toArray(String[]::new));
            run.assertScenario(scenario);
            run.assertComplete();
        }
    }

    /**
     * Runs {@code refusals}, then, when the tests can read the deployed server's log (Open
     * Liberty, WildFly; not Payara Micro), checks that it got {@code warning} exactly once.
     */
    static void assertLoggedOnce(Pattern warning, Runnable refusals) throws InterruptedException {
        Optional<ServerLog> log = ServerLog.ofThisServer();
        Optional<ServerLog.Mark> mark = log.map(ServerLog::mark);
        refusals.run();
        if (log.isEmpty()) {
            return;
        }
        String written = "";
        for (int i = 0; i < 50 && !warning.matcher(written).find(); i++) {
            Thread.sleep(100);
            written = log.get().since(mark.get());
        }
        Matcher m = warning.matcher(written);
        int warnings = 0;
        while (m.find()) {
            warnings++;
        }
        String seen = written;
        assertEquals(1, warnings, () -> "the server log (" + log.get() + ") got:\n" + seen);
    }

    /** The served bundle in Chromium against the server at {@code base}. */
    static Stream<DynamicNode> browser(URI base) {
        return ScenarioRun.tests("msgpack-browser.js", "chromium", BROWSER, "--url", base.toString())
                .map(DynamicNode.class::cast);
    }
}
