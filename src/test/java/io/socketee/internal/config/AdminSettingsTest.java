package io.socketee.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.IoException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code socketio.admin.*} keys: off by default, validated as a whole when on. */
class AdminSettingsTest {
    /** A well-formed bcrypt hash (cost 4); what it hashes does not matter here. */
    static final String HASH = "$2a$04$QFfk3WsNVs0jN0n3sbr6meI.NsKSVJFY6l4nA8xuGNkYvHbKZzQKe";

    private static SocketIoConfig read(Map<String, String> values) {
        return SocketIoConfig.read(k -> Optional.ofNullable(values.get(k)), values.keySet());
    }

    private static Map<String, String> enabled() {
        Map<String, String> m = new HashMap<>();
        m.put("socketio.admin.enabled", "true");
        m.put("socketio.admin.auth.username", "admin");
        m.put("socketio.admin.auth.password", HASH);
        return m;
    }

    @Test
    void theAdminUiIsOffByDefault() {
        assertTrue(read(Map.of()).admin().isEmpty());
    }

    @Test
    void enabledItTakesTheReferencesDefaults() {
        SocketIoConfig.AdminSettings a = read(enabled()).admin().orElseThrow();
        assertEquals("/admin", a.namespace());
        assertEquals(Optional.of("admin"), a.username());
        assertEquals(Optional.of(HASH), a.passwordHash());
        assertFalse(a.readonly());
        assertFalse(a.production());
        assertTrue(a.serverId().isEmpty());
    }

    @Test
    void everyKeyIsRead() {
        Map<String, String> m = enabled();
        m.put("socketio.admin.namespace", "/ops");
        m.put("socketio.admin.readonly", "true");
        m.put("socketio.admin.mode", "production");
        m.put("socketio.admin.serverId", "node-1");
        SocketIoConfig.AdminSettings a = read(m).admin().orElseThrow();
        assertEquals("/ops", a.namespace());
        assertTrue(a.readonly());
        assertTrue(a.production());
        assertEquals(Optional.of("node-1"), a.serverId());
    }

    @Test
    void anUnknownModeFailsTheDeployment() {
        Map<String, String> m = enabled();
        m.put("socketio.admin.mode", "staging");
        IoException e = assertThrows(IoException.class, () -> read(m));
        assertTrue(e.getMessage().contains("socketio.admin.mode=staging: is not a mode (development, production)"),
                e.getMessage());
    }

    @Test
    void withAuthenticationOnAUsernameAndABcryptHashAreRequiredAndThePasswordIsNeverPrinted() {
        Map<String, String> m = new HashMap<>(Map.of("socketio.admin.enabled", "true",
                "socketio.admin.auth.password", "hunter2"));
        IoException e = assertThrows(IoException.class, () -> read(m));
        assertTrue(e.getMessage().contains("socketio.admin.auth.username=: is required"), e.getMessage());
        assertTrue(e.getMessage().contains("socketio.admin.auth.password=<hidden>: must be a bcrypt hash"),
                e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void authenticationTurnedOffExplicitlyNeedsNoCredentials() {
        SocketIoConfig.AdminSettings a = read(Map.of("socketio.admin.enabled", "true",
                "socketio.admin.auth.enabled", "false")).admin().orElseThrow();
        assertTrue(a.username().isEmpty());
        assertTrue(a.passwordHash().isEmpty());
    }

    @Test
    void aMisspeltAdminKeyFailsAndNamesTheKeyItResembles() {
        Map<String, String> m = enabled();
        m.put("socketio.admin.readOnly", "true");
        IoException e = assertThrows(IoException.class, () -> read(m));
        assertTrue(e.getMessage().contains("socketio.admin.readOnly is not a SocketEE setting; did you mean socketio.admin.readonly?"),
                e.getMessage());
    }
}
