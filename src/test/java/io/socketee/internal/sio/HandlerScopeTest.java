package io.socketee.internal.sio;

import io.socketee.internal.concurrent.HandlerScope;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socketee.internal.protocol.engine.EngineVersion;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server runs each unit of a client's work inside its {@link HandlerScope}, one scope per
 * unit: a listener sees the scope of the packet that called it, never a shared one.
 */
class HandlerScopeTest {
    private final List<String> log = new ArrayList<>();
    private int opened;
    private Integer current;

    /** Numbers each scope and logs where it begins and ends. */
    private final HandlerScope numbered = unit -> {
        Integer outer = current;
        current = ++opened;
        log.add("begin " + current);
        try {
            unit.run();
        } finally {
            log.add("end " + current);
            current = outer;
        }
    };

    private final SioServer server = new SioServer(new SioOptions(SioFixture.CONNECT_TIMEOUT, 10, 64), Runnable::run,
            new ManualScheduler(), io.socketee.adapter.AdapterFactory.IN_MEMORY, numbered);

    @Test
    void connectEachPacketAndTheDisconnectRunInAScopeOfTheirOwn() {
        server.onConnection(socket -> {
            log.add("connect in " + current);
            socket.on("ping", (s, args, ack) -> log.add("ping " + args.get(0, String.class) + " in " + current));
            socket.onDisconnect((s, reason) -> log.add("disconnect in " + current));
        });
        FakeEngineSocket conn = new FakeEngineSocket("engine000000000000001", EngineVersion.V4, java.util.Map.of());
        server.onConnection(conn);
        conn.receive("0");
        conn.receive("2[\"ping\",\"a\"]");
        conn.receive("2[\"ping\",\"b\"]");
        conn.receive("1");
        assertEquals(List.of(
                "begin 1", "end 1",                                 // the client's start, before any packet
                "begin 2", "connect in 2", "end 2",
                "begin 3", "ping a in 3", "end 3",
                "begin 4", "ping b in 4", "end 4",
                "begin 5", "disconnect in 5", "end 5"), log);
    }
}
