package io.socketee.internal.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.internal.adapter.redis.InMemoryRedisBus;
import io.socketee.internal.adapter.redis.RedisAdapters;
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
 * Two servers sharing rooms and broadcasts through Redis (in memory here): a UI connected to one
 * of them sees and operates the other, as with the reference's cluster adapters.
 */
class AdminUiClusterTest {
    private final InMemoryRedisBus redis = new InMemoryRedisBus();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T03:00:00Z"));
    private final SioFixture a = node("node-a");
    private final SioFixture b = node("node-b");

    private SioFixture node(String id) {
        SioFixture fx = new SioFixture(scheduler -> new RedisAdapters(redis.node(), "socket.io", Duration.ofSeconds(5),
                scheduler));
        AdminUi.install(fx.server, new AdminSettings("/admin", Optional.of("admin"), Optional.of(AdminUiTest.HASH),
                false, false, Optional.of(id)), Runnable::run, fx.scheduler, clock,
                new AdminPayloads.ServerIdentity(id, id + ".host", 1));
        return fx;
    }

    /** A client of "/" on {@code fx}: its connection and its socket's id. */
    private record Client(FakeEngineSocket conn, String sid) {
    }

    private Client clientOn(SioFixture fx) {
        FakeEngineSocket conn = fx.connectV5("/");
        redis.deliverAll();
        return new Client(conn, fx.server.sockets().keySet().iterator().next());
    }

    private FakeEngineSocket uiOn(SioFixture fx) {
        FakeEngineSocket ui = fx.open(EngineVersion.V4);
        ui.receive("0/admin,{\"username\":\"admin\",\"password\":\"s3cret\"}");
        redis.deliverAll();
        return ui;
    }

    @Test
    void aUiOnOneServerSeesEveryServersStatisticsAndSockets() {
        Client client = clientOn(b);
        FakeEngineSocket ui = uiOn(a);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> all = (List<Map<String, Object>>) UiWire.named(ui, "/admin", "all_sockets").get(0).get(0);
        assertTrue(all.stream().anyMatch(s -> client.sid().equals(s.get("id"))
                && client.conn().id().substring(0, 12).equals(s.get("clientId"))
                && "websocket".equals(s.get("transport"))), all.toString());

        clock.advance(Duration.ofSeconds(2));
        a.scheduler.advance(Duration.ofMillis(AdminUi.STATS_PERIOD_MILLIS));
        b.scheduler.advance(Duration.ofMillis(AdminUi.STATS_PERIOD_MILLIS));
        redis.deliverAll();
        List<String> servers = UiWire.named(ui, "/admin", "server_stats").stream()
                .map(args -> String.valueOf(((Map<?, ?>) args.get(0)).get("serverId"))).distinct().sorted().toList();
        assertEquals(List.of("node-a", "node-b"), servers);
    }

    @Test
    void aDisconnectFromAUiOnOneServerDisconnectsAClientOfAnother() {
        Client client = clientOn(b);
        FakeEngineSocket ui = uiOn(a);
        ui.clear();

        ui.receive("2/admin,[\"_disconnect\",\"/\",false,\"" + client.sid() + "\"]");
        redis.deliverAll();

        assertEquals(List.of("1"), client.conn().texts());
        assertEquals(List.of("/", client.sid(), "server namespace disconnect", "2026-12-07T03:00:00.000Z"),
                UiWire.named(ui, "/admin", "socket_disconnected").get(0));
    }
}
