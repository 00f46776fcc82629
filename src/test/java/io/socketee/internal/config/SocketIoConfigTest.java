package io.socketee.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.IoException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SocketIoConfigTest {

    private static SocketIoConfig read(Map<String, String> values) {
        return SocketIoConfig.read(k -> Optional.ofNullable(values.get(k)));
    }

    @Test
    void defaultsAreTheReferenceServers() {
        SocketIoConfig c = read(Map.of());
        assertEquals("/socket.io", c.path());
        assertEquals(Duration.ofMillis(25_000), c.engine().pingInterval());
        assertEquals(Duration.ofMillis(20_000), c.engine().pingTimeout());
        assertEquals(1_000_000, c.engine().maxHttpBufferSize());
        assertEquals(List.of("polling", "websocket"), c.engine().transports());
        assertFalse(c.engine().allowEio3());
        assertFalse(c.engine().cors().enabled());
        assertTrue(c.engine().cookie().isEmpty());
        assertEquals(Duration.ofMillis(45_000), c.connectTimeout());
    }

    @Test
    void valuesAreReadAndThePathLosesItsTrailingSlash() {
        SocketIoConfig c = read(Map.of("socketio.path", "/rt/", "socketio.allowEIO3", "true",
                "socketio.transports", "websocket", "socketio.cors.enabled", "true",
                "socketio.cors.origins", "https://a.test, https://b.test", "socketio.cookie", "true"));
        assertEquals("/rt", c.path());
        assertTrue(c.engine().allowEio3());
        assertEquals(List.of("websocket"), c.engine().transports());
        assertEquals(java.util.Set.of("https://a.test", "https://b.test"), c.engine().cors().origins());
        assertEquals("io", c.engine().cookie().orElseThrow().name());
    }

    @Test
    void everyBadValueIsReportedAtOnce() {
        IoException e = assertThrows(IoException.class, () -> read(Map.of("socketio.pingInterval", "soon",
                "socketio.allowEIO3", "yes", "socketio.transports", "polling,carrier-pigeon", "socketio.path", "x")));
        String m = e.getMessage();
        assertTrue(m.contains("socketio.pingInterval=soon"), m);
        assertTrue(m.contains("socketio.allowEIO3=yes"), m);
        assertTrue(m.contains("carrier-pigeon"), m);
        assertTrue(m.contains("socketio.path=x"), m);
    }

    @Test
    void theConfigurationReferenceListsEveryKeyWithItsDefault() throws Exception {
        String doc = Files.readString(Path.of("docs/configuration.md"));
        for (ConfigKeys k : ConfigKeys.values()) {
            String row = "| `" + k.key() + "` | " + (k.defaultValue().isEmpty() ? "(empty)" : "`" + k.defaultValue() + "`");
            assertTrue(doc.contains(row), "docs/configuration.md lacks " + row);
        }
    }
}
