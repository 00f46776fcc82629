package io.socketee.demo.push;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two signatures of the push API, as lowercase hex. Stateless and thread-safe (a new
 * {@link Mac} or {@link MessageDigest} per call).
 *
 * <ul>
 *   <li>{@link SignatureMode#HMAC_SHA256}: {@code HMAC-SHA256(key, app + "\n" + timestamp + "\n" + body)},
 *       where {@code body} is the request body exactly as sent (UTF-8) and {@code timestamp} the
 *       decimal milliseconds of the body's {@code timestamp} field.</li>
 *   <li>{@link SignatureMode#MD5_LEGACY}: the seed's {@code md5(app + key + timestamp)}, which
 *       does not cover the body.</li>
 * </ul>
 */
public final class Signatures {
    private static final HexFormat HEX = HexFormat.of();

    private Signatures() {
    }

    /** The default signature of a request. */
    public static String hmacSha256(byte[] key, String app, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HEX.formatHex(mac.doFinal((app + "\n" + timestamp + "\n" + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    /** The seed's signature: {@code md5(app + key + timestamp)}. */
    public static String md5Legacy(String app, byte[] key, long timestamp) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(app.getBytes(StandardCharsets.UTF_8));
            md5.update(key);
            md5.update(Long.toString(timestamp).getBytes(StandardCharsets.UTF_8));
            return HEX.formatHex(md5.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is missing from this JDK", e);
        }
    }

    /** Compares two hex signatures in time independent of where they differ; false for null. */
    public static boolean matches(String expected, String given) {
        return given != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), given.strip().toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }
}
