package io.socketee.demo.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The two signatures against values computed independently (openssl / md5sum). */
class SignaturesTest {
    private static final byte[] KEY = "demo-signature-key".getBytes(StandardCharsets.UTF_8);
    /** printf 'signatureApp\n1543469988762\n{"a":1}' | openssl dgst -sha256 -hmac demo-signature-key */
    private static final String EXPECTED_HMAC = "926797e22a0983b0713532562fbe5e6e2ad0ec264a35ce46ae7bd9295092d5cd";
    /** printf 'signatureAppdemo-signature-key1543469988762' | md5sum */
    private static final String EXPECTED_MD5 = "4a9305a25c9b1de19cdd946713c1dbf9";

    @Test
    void hmacSignsAppTimestampAndBodyJoinedByNewlines() {
        assertEquals(EXPECTED_HMAC, Signatures.hmacSha256(KEY, "signatureApp", 1543469988762L, "{\"a\":1}"));
    }

    @Test
    void legacyIsMd5OfAppKeyAndTimestamp() {
        assertEquals(EXPECTED_MD5, Signatures.md5Legacy("signatureApp", KEY, 1543469988762L));
    }

    @Test
    void matchingIgnoresCaseAndSurroundingSpaceButNotContent() {
        String sig = Signatures.md5Legacy("signatureApp", KEY, 1L);
        assertTrue(Signatures.matches(sig, " " + sig.toUpperCase() + " "));
        assertFalse(Signatures.matches(sig, sig.substring(1) + "0"));
        assertFalse(Signatures.matches(sig, null));
    }
}
