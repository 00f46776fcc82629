package io.socketee.internal.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.RejectedException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminAuthTest {
    private final MutableClock clock = new MutableClock(java.time.Instant.EPOCH);
    private final AdminAuth auth = new AdminAuth(Optional.of("admin"), Optional.of(AdminUiTest.HASH),
            new AdminSessions(clock::millis));

    @Test
    void theRightUsernameAndPasswordEarnANewSessionId() throws Exception {
        Optional<String> session = auth.admit(Map.of("username", "admin", "password", "s3cret"));
        assertTrue(session.orElseThrow().matches("[0-9a-f]{16}"), session.toString());
    }

    @Test
    void aWrongPasswordOrUsernameOrNothingIsRefusedWithTheUisMessage() {
        for (Map<String, Object> wrong : java.util.List.<Map<String, Object>>of(
                Map.of("username", "admin", "password", "s3cret "), Map.of("username", "Admin", "password", "s3cret"),
                Map.of("username", "admin"), Map.of(), Map.of("sessionId", "0123456789abcdef"),
                Map.of("username", "admin", "password", 42))) {
            RejectedException e = assertThrows(RejectedException.class, () -> auth.admit(wrong), wrong.toString());
            assertEquals("invalid credentials", e.getMessage());
        }
    }

    @Test
    void aSessionIdHandedOutAdmitsWithoutThePasswordUntilItExpires() throws Exception {
        String session = auth.admit(Map.of("username", "admin", "password", "s3cret")).orElseThrow();

        assertEquals(Optional.empty(), auth.admit(Map.of("sessionId", session)));

        clock.advance(java.time.Duration.ofMillis(AdminSessions.LIFETIME_MILLIS));
        assertThrows(RejectedException.class, () -> auth.admit(Map.of("sessionId", session)));
    }

    @Test
    void withoutCredentialsConfiguredEveryUiIsAdmitted() throws Exception {
        AdminAuth open = new AdminAuth(Optional.empty(), Optional.empty(), new AdminSessions(clock::millis));
        assertEquals(Optional.empty(), open.admit(Map.of()));
    }

    @Test
    void theSessionStoreKeepsAtMostItsBoundDroppingTheOldest() {
        AdminSessions sessions = new AdminSessions(clock::millis);
        String first = sessions.create();
        for (int i = 1; i < AdminSessions.MAX_SESSIONS; i++) {
            sessions.create();
        }
        assertTrue(sessions.exists(first));
        String last = sessions.create();
        assertTrue(sessions.exists(last));
        assertTrue(!sessions.exists(first));
    }
}
