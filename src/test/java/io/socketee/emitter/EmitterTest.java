package io.socketee.emitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Java emitter writes what Node's {@code @socket.io/redis-emitter} 5.1.0 writes: the channels
 * and bytes recorded from it (shared/spec/redis-adapter-wire.md, section 7.2).
 */
class EmitterTest {
    private final List<String> channels = new ArrayList<>();
    private final List<byte[]> messages = new ArrayList<>();
    private final Emitter io = Emitter.publishingTo((channel, message) -> {
        channels.add(channel);
        messages.add(message);
    }, "socket.io");

    @Test
    void anEmitToEveryoneIsTheNodeEmittersBytes() {
        io.emit("from-emitter", 42);
        assertEquals(List.of("socket.io#/#"), channels);
        assertEquals("93a7656d697474657283a47479706502a46461746192ac66726f6d2d656d69747465722aa36e7370a12f83a5726f6f6d7390"
                + "a5666c61677380a665786365707490", HexFormat.of().formatHex(messages.get(0)));
    }

    @Test
    void oneRoomGoesToTheRoomChannelAndANamespaceGetsItsSlash() {
        io.to("room2").emit("em-room", "z");
        io.of("admin").except("x").emit("em-adm");
        assertEquals(List.of("socket.io#/#room2#", "socket.io#/admin#"), channels);
    }

    @Test
    void requestsAreTheNodeEmittersJson() {
        io.in("room2").socketsJoin("room4");
        io.serverSideEmit("ping-srv", "from-emitter");
        io.in("room1").disconnectSockets(false);
        assertEquals(List.of("socket.io-request#/#", "socket.io-request#/#", "socket.io-request#/#"), channels);
        assertEquals(List.of("{\"type\":2,\"opts\":{\"rooms\":[\"room2\"],\"except\":[]},\"rooms\":[\"room4\"]}",
                "{\"uid\":\"emitter\",\"type\":6,\"data\":[\"ping-srv\",\"from-emitter\"]}",
                "{\"type\":4,\"opts\":{\"rooms\":[\"room1\"],\"except\":[]},\"close\":false}"),
                messages.stream().map(m -> new String(m, StandardCharsets.UTF_8)).toList());
    }

    @Test
    void asVolatileSetsTheReferencesVolatileFlagOnTheDerivedEmitterOnly() {
        io.asVolatile().emit("pos", 1);
        io.emit("pos", 1);
        // msgpack: fixstr(8) "volatile" then true (0xc3), in the flags map
        String volatileTrue = "a8766f6c6174696c65c3";
        assertTrue(HexFormat.of().formatHex(messages.get(0)).contains(volatileTrue));
        assertFalse(HexFormat.of().formatHex(messages.get(1)).contains(volatileTrue));
    }

    @Test
    void reservedEventNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> io.emit("disconnect"));
        assertEquals(List.of(), channels);
    }
}
