package io.socketee.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The settings the start-up log lists: only those changed from their defaults, secrets masked. */
class EffectiveSettingsTest {

    @Test
    void onlySettingsThatDifferFromTheirDefaultsAreListedAndSecretsAreMasked() {
        Map<String, String> config = Map.of(
                "socketio.pingInterval", "1500",
                "socketio.path", "/socket.io", // set, but to its default
                "socketio.redis.url", "redis://app:hunter2@redis.internal:6380/2",
                "socketio.redis.password", "hunter2",
                "socketio.namespace./chat.connectionMiddleware", "token", // per namespace: listed elsewhere
                "other.key", "x");
        assertEquals(Map.of(
                "socketio.pingInterval", "1500",
                "socketio.redis.url", "redis://app:****@redis.internal:6380/2",
                "socketio.redis.password", "****"), EffectiveSettings.nonDefault(k -> Optional.ofNullable(config.get(k))));
    }

    @Test
    void aUrlPasswordIsMaskedWithOrWithoutAUserAndAUrlWithoutOneIsLeftAlone() {
        assertEquals("redis://:****@h:6379", EffectiveSettings.maskedUrl("redis://:pw@h:6379"));
        assertEquals("rediss://:****@h", EffectiveSettings.maskedUrl("rediss://pw@h"));
        assertEquals("redis://h:6379/0", EffectiveSettings.maskedUrl("redis://h:6379/0"));
        assertEquals("redis://:****@a:7000,redis://u:****@b:7000",
                EffectiveSettings.maskedUrl("redis://:pw@a:7000,redis://u:pw@b:7000"), "each URL of a list");
    }
}
