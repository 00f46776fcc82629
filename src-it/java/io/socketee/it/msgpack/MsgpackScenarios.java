package io.socketee.it.msgpack;

import io.socketee.it.support.ScenarioRun;
import java.net.URI;
import java.util.List;
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

    /** The served bundle in Chromium against the server at {@code base}. */
    static Stream<DynamicNode> browser(URI base) {
        return ScenarioRun.tests("msgpack-browser.js", "chromium", BROWSER, "--url", base.toString())
                .map(DynamicNode.class::cast);
    }
}
