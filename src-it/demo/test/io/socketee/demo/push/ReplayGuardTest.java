package io.socketee.demo.push;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A signature is accepted once until it expires. */
class ReplayGuardTest {

    @Test
    void aSignatureIsFirstUsedOnceUntilItExpires() {
        ReplayGuard guard = new ReplayGuard();
        assertTrue(guard.firstUse("a", 100, 0));
        assertFalse(guard.firstUse("a", 100, 50));
        assertTrue(guard.firstUse("b", 100, 50));
        assertTrue(guard.firstUse("a", 300, 101));
    }
}
