package io.socketee.internal.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.socketee.internal.config.SocketIoConfig.AdminSettings;
import io.socketee.internal.protocol.engine.EngineVersion;
import io.socketee.internal.sio.FakeEngineSocket;
import io.socketee.internal.sio.SioFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The admin UI's conversation as {@code @socket.io/admin-ui} 0.5's UI holds it, on a server with
 * fake connections: login, the reports, and the operations.
 */
class AdminUiTest {
    static final String HASH = BCrypt.withDefaults().hashToString(4, "s3cret".toCharArray());
    private static final String LOGIN = "0/admin,{\"username\":\"admin\",\"password\":\"s3cret\"}";

    private final SioFixture fixture = new SioFixture();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T03:00:00.250Z"));

    private AdminUi install(boolean readonly, boolean production) {
        AdminSettings settings = new AdminSettings("/admin", Optional.of("admin"), Optional.of(HASH), readonly,
                production, Optional.of("node-1"));
        return AdminUi.install(fixture.server, settings, Runnable::run, fixture.scheduler, clock,
                new AdminPayloads.ServerIdentity("node-1", "host-1", 42));
    }

    /** The id of the one socket of "/" that is not in {@code others}. */
    private String newestMainSocket(String... others) {
        return fixture.server.sockets().keySet().stream().filter(id -> !List.of(others).contains(id)).findFirst()
                .orElseThrow();
    }

    private FakeEngineSocket loggedIn() {
        FakeEngineSocket ui = fixture.open(EngineVersion.V4);
        ui.receive(LOGIN);
        return ui;
    }

    @Test
    void aUiWithAWrongPasswordIsRefusedWithInvalidCredentials() {
        install(false, false);
        FakeEngineSocket ui = fixture.open(EngineVersion.V4);
        ui.receive("0/admin,{\"username\":\"admin\",\"password\":\"guess\"}");
        assertEquals(List.of("4/admin,{\"message\":\"invalid credentials\"}"), ui.texts());
    }

    @Test
    void aUiThatLogsInGetsItsSessionTheConfigAndEverySocketWithItsRoomsAndTransport() {
        install(false, false);
        FakeEngineSocket client = fixture.connectV5("/");
        FakeEngineSocket ui = loggedIn();

        assertTrue(ui.texts().stream().anyMatch(t -> t.startsWith("0/admin,{\"sid\":")), ui.texts().toString());
        assertEquals(List.of("room_joined", "socket_connected", "session", "config", "all_sockets"),
                UiWire.names(ui, "/admin"));
        String session = (String) UiWire.named(ui, "/admin", "session").get(0).get(0);
        assertTrue(session.matches("[0-9a-f]{16}"), session);
        assertEquals(List.of(Map.of("supportedFeatures", List.of("EMIT", "JOIN", "LEAVE", "DISCONNECT", "MJOIN",
                "MLEAVE", "MDISCONNECT", "AGGREGATED_EVENTS", "ALL_EVENTS"))), UiWire.named(ui, "/admin", "config").get(0));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> all = (List<Map<String, Object>>) UiWire.named(ui, "/admin", "all_sockets").get(0).get(0);
        Map<String, Object> main = all.stream().filter(s -> "/".equals(s.get("nsp"))).findFirst().orElseThrow();
        String sid = newestMainSocket();
        assertEquals(sid, main.get("id"));
        assertEquals(client.id().substring(0, 12), main.get("clientId"));
        assertEquals("websocket", main.get("transport"));
        assertEquals(List.of(sid), main.get("rooms"));
        assertEquals(Map.of(), main.get("data"));
        assertTrue(all.stream().anyMatch(s -> "/admin".equals(s.get("nsp"))), all.toString());
    }

    @Test
    void aUiComingBackWithItsSessionIdNeedsNoPassword() {
        install(false, false);
        FakeEngineSocket first = loggedIn();
        String session = (String) UiWire.named(first, "/admin", "session").get(0).get(0);

        FakeEngineSocket again = fixture.open(EngineVersion.V4);
        again.receive("0/admin,{\"sessionId\":\"" + session + "\"}");

        assertTrue(again.texts().stream().anyMatch(t -> t.startsWith("0/admin,{\"sid\":")), again.texts().toString());
        assertTrue(UiWire.named(again, "/admin", "session").isEmpty());
        assertEquals(1, UiWire.named(again, "/admin", "config").size());
    }

    @Test
    void aDisconnectClickedInTheUiDisconnectsThatSocketAndTheUiHearsWhy() {
        install(false, false);
        FakeEngineSocket client = fixture.connectV5("/");
        String sid = newestMainSocket();
        FakeEngineSocket ui = loggedIn();
        ui.clear();

        ui.receive("2/admin,[\"_disconnect\",\"/\",false,\"" + sid + "\"]");

        assertEquals(List.of("1"), client.texts());
        List<Object> gone = UiWire.named(ui, "/admin", "socket_disconnected").get(0);
        assertEquals(List.of("/", sid, "server namespace disconnect", "2026-12-07T03:00:00.250Z"), gone);
        assertEquals(List.of(List.of("/", sid, sid, "2026-12-07T03:00:00.250Z")),
                UiWire.named(ui, "/admin", "room_left"));
    }

    @Test
    void joinLeaveAndEmitFromTheUiActOnTheFilteredSockets() {
        install(false, false);
        FakeEngineSocket client = fixture.connectV5("/");
        String sid = newestMainSocket();
        FakeEngineSocket other = fixture.connectV5("/");
        FakeEngineSocket ui = loggedIn();
        ui.clear();

        ui.receive("2/admin,[\"join\",\"/\",\"blue\",\"" + sid + "\"]");
        ui.receive("2/admin,[\"emit\",\"/\",\"blue\",\"hello\",1,{\"a\":true}]");
        ui.receive("2/admin,[\"leave\",\"/\",\"blue\"]");

        assertEquals(List.of("2[\"hello\",1,{\"a\":true}]"), client.texts());
        assertTrue(other.texts().isEmpty(), other.texts().toString());
        assertEquals(List.of("/", "blue", sid, "2026-12-07T03:00:00.250Z"),
                UiWire.named(ui, "/admin", "room_joined").get(0));
        assertEquals(List.of("/", "blue", sid, "2026-12-07T03:00:00.250Z"),
                UiWire.named(ui, "/admin", "room_left").get(0));
        assertEquals(List.of("/", sid, List.of("hello", 1L, Map.of("a", true)), "2026-12-07T03:00:00.250Z"),
                UiWire.named(ui, "/admin", "event_sent").get(0));
    }

    @Test
    void anUpgradeIsReportedAsTheSocketsNewTransport() {
        install(false, false);
        FakeEngineSocket client = fixture.open(EngineVersion.V4);
        client.useTransport("polling");
        client.receive("0");
        String sid = newestMainSocket();
        FakeEngineSocket ui = loggedIn();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> all = (List<Map<String, Object>>) UiWire.named(ui, "/admin", "all_sockets").get(0).get(0);
        assertTrue(all.stream().anyMatch(s -> sid.equals(s.get("id")) && "polling".equals(s.get("transport"))),
                all.toString());

        client.upgrade();

        assertEquals(List.of(List.of(Map.of("id", sid, "nsp", "/", "transport", "websocket"))),
                UiWire.named(ui, "/admin", "socket_updated"));
    }

    @Test
    void aReadonlyUiMayOnlyWatch() {
        install(true, false);
        FakeEngineSocket client = fixture.connectV5("/");
        String sid = newestMainSocket();
        FakeEngineSocket ui = loggedIn();

        ui.receive("2/admin,[\"_disconnect\",\"/\",true,\"" + sid + "\"]");

        assertTrue(client.isOpen());
        assertTrue(client.texts().isEmpty(), client.texts().toString());
        assertEquals(List.of(Map.of("supportedFeatures", List.of("AGGREGATED_EVENTS", "ALL_EVENTS"))),
                UiWire.named(ui, "/admin", "config").get(0));
    }

    @Test
    void eventsFromAClientAreReportedWithTheirArguments() {
        install(false, false);
        FakeEngineSocket client = fixture.connectV5("/");
        String sid = newestMainSocket();
        FakeEngineSocket ui = loggedIn();

        client.receive("2[\"chat\",\"hi\",2]");

        assertEquals(List.of("/", sid, List.of("chat", "hi", 2L), "2026-12-07T03:00:00.250Z"),
                UiWire.named(ui, "/admin", "event_received").get(0));
    }

    @Test
    void everyTwoSecondsTheServerReportsItsStatisticsAndWhatHappenedPerSecond() {
        install(false, false);
        fixture.connectV5("/");
        FakeEngineSocket ui = loggedIn();
        ui.clear();

        clock.advance(Duration.ofSeconds(2));
        fixture.scheduler.advance(Duration.ofMillis(AdminUi.STATS_PERIOD_MILLIS));

        @SuppressWarnings("unchecked")
        Map<String, Object> stats = (Map<String, Object>) UiWire.named(ui, "/admin", "server_stats").get(0).get(0);
        assertEquals("node-1", stats.get("serverId"));
        assertEquals("host-1", stats.get("hostname"));
        assertEquals(42L, stats.get("pid"));
        assertEquals(2L, stats.get("clientsCount"));
        assertEquals(0L, stats.get("pollingClientsCount"));
        assertTrue(stats.get("uptime") instanceof Number, stats.toString());
        assertEquals(List.of(Map.of("name", "/", "socketsCount", 1L), Map.of("name", "/admin", "socketsCount", 1L)),
                ((List<?>) stats.get("namespaces")).stream().sorted((a, b) -> a.toString().compareTo(b.toString())).toList());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> events = (List<Map<String, Object>>) stats.get("aggregatedEvents");
        assertTrue(events.contains(Map.of("timestamp", 1796612400000L, "type", "rawConnection", "count", 2L)),
                events.toString());
        assertTrue(events.stream().anyMatch(e -> "packetsIn".equals(e.get("type"))), events.toString());
        assertTrue(events.stream().anyMatch(e -> "bytesOut".equals(e.get("type"))), events.toString());
    }

    @Test
    void inProductionModeOnlyStatisticsAreReported() {
        install(false, true);
        fixture.connectV5("/");
        FakeEngineSocket ui = loggedIn();

        assertEquals(List.of("session", "config"), UiWire.names(ui, "/admin"));
        assertFalse(UiWire.named(ui, "/admin", "config").get(0).toString().contains("ALL_EVENTS"));
    }
}
