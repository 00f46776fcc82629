package io.socketee.internal.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socketee.Handshake;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The payloads against the shapes of {@code @socket.io/admin-ui} 0.5's typings ({@code ServerEvents}). */
class AdminPayloadsTest {
    private static final Handshake HANDSHAKE = new Handshake(
            Map.of("host", List.of("example.test"), "accept", List.of("a", "b")), Map.of("EIO", "4"),
            Map.of("token", "secret"), "Mon Dec 07 2026", 1796612400000L, "/socket.io/?EIO=4", "10.0.0.1", true, false);

    @Test
    void aSerializedSocketHasTheUisFieldsAndKeepsItsAdminFactsOutOfItsData() {
        Map<String, Object> data = Map.of("_admin", AdminPayloads.adminData("abcdefghijklmnopqrst", "polling"),
                "user", "ann");

        Map<String, Object> s = AdminPayloads.socket("sid1", "/chat", data, HANDSHAKE, List.of("sid1", "blue"));

        assertEquals(List.of("id", "clientId", "transport", "nsp", "data", "handshake", "rooms"), List.copyOf(s.keySet()));
        assertEquals("sid1", s.get("id"));
        assertEquals("abcdefghijkl", s.get("clientId"));
        assertEquals("polling", s.get("transport"));
        assertEquals("/chat", s.get("nsp"));
        assertEquals(Map.of("user", "ann"), s.get("data"));
        assertEquals(List.of("sid1", "blue"), s.get("rooms"));
    }

    @Test
    void theHandshakeIsTheReferencesWithoutTheAuthPayloadAndWithNodesHeaderForm() {
        Map<String, Object> h = AdminPayloads.handshake(HANDSHAKE);

        assertEquals(List.of("address", "headers", "query", "issued", "secure", "time", "url", "xdomain"),
                List.copyOf(h.keySet()));
        assertEquals("10.0.0.1", h.get("address"));
        assertEquals(Map.of("host", "example.test", "accept", "a, b"), h.get("headers"));
        assertEquals(Map.of("EIO", "4"), h.get("query"));
        assertEquals(1796612400000L, h.get("issued"));
    }

    @Test
    void theAddressIsTheProxysForwardedOneWhenThereIsOne() {
        Handshake proxied = new Handshake(Map.of("x-forwarded-for", List.of("203.0.113.9")), Map.of(), Map.of(), "t", 0,
                "/", "10.0.0.1", false, false);
        assertEquals("203.0.113.9", AdminPayloads.handshake(proxied).get("address"));
    }

    @Test
    void serverStatsHaveEveryFieldOfTheTypings() {
        Map<String, Object> stats = AdminPayloads.serverStats(new AdminPayloads.ServerIdentity("n1", "h1", 7), 1.5, 3, 1,
                List.of(), List.of(AdminPayloads.namespace("/", 2)));

        assertEquals(List.of("serverId", "hostname", "pid", "uptime", "clientsCount", "pollingClientsCount",
                "aggregatedEvents", "namespaces"), List.copyOf(stats.keySet()));
        assertEquals(List.of(Map.of("name", "/", "socketsCount", 2)), stats.get("namespaces"));
    }

    @Test
    void aTransportUpdateCarriesOnlyIdNamespaceAndTransport() {
        assertEquals(Map.of("id", "s", "nsp", "/", "transport", "websocket"),
                AdminPayloads.transportUpdate("s", "/", "websocket"));
    }

    @Test
    void datesAreJavaScriptsToJsonForm() {
        assertEquals("2026-12-07T03:00:00.000Z", AdminPayloads.date(Instant.parse("2026-12-07T03:00:00Z")));
    }

    @Test
    void theFeaturesFollowReadonlyAndMode() {
        assertEquals(List.of("EMIT", "JOIN", "LEAVE", "DISCONNECT", "MJOIN", "MLEAVE", "MDISCONNECT", "AGGREGATED_EVENTS"),
                AdminPayloads.features(false, true));
        assertEquals(List.of("AGGREGATED_EVENTS"), AdminPayloads.features(true, true));
    }
}
