package io.socketee.it.protocol.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exact wire strings both servers must produce (the reference server's, byte for byte), and
 * helpers to compare bodies that contain random session ids.
 *
 * <p>Constants assume the contract configuration: pingInterval 1500, pingTimeout 3000,
 * maxHttpBufferSize 1e6. Stateless and thread-safe.
 */
public final class Wire {

    /** An Engine.IO or Socket.IO id: 20 characters of the URL-safe base64 alphabet. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{20}");

    /** What {@link #masked} puts in place of every well-formed id. */
    public static final String SID = "<sid>";

    /** The v4 open packet over polling, sid masked: exactly these keys, in this order. */
    public static final String OPEN_POLLING = "0{\"sid\":\"<sid>\",\"upgrades\":[\"websocket\"],"
            + "\"pingInterval\":1500,\"pingTimeout\":3000,\"maxPayload\":1000000}";

    /** The v3 polling handshake body: the same open packet, length-prefixed (116 characters with a real sid). */
    public static final String OPEN_POLLING_V3 = "116:" + OPEN_POLLING;

    /** The open packet over a direct WebSocket (nothing to upgrade to), sid masked. */
    public static final String OPEN_WEBSOCKET = "0{\"sid\":\"<sid>\",\"upgrades\":[],"
            + "\"pingInterval\":1500,\"pingTimeout\":3000,\"maxPayload\":1000000}";

    /** maxHttpBufferSize of the contract servers (1e6 bytes). */
    public static final int MAX_PAYLOAD = 1_000_000;

    /**
     * The close code a client sees when the reference server closes a WebSocket: engine.io calls
     * ws's {@code close()} without a code, so the close frame carries no status (RFC 6455 1005).
     */
    public static final int SERVER_CLOSE = 1005;

    /** The close code when a frame exceeds maxHttpBufferSize (ws: 1009 Message Too Big). */
    public static final int TOO_BIG = 1009;

    private static final Pattern QUOTED_SID = Pattern.compile("\"sid\":\"([^\"]*)\"");

    private Wire() {
    }

    /** The text with every {@code "sid":"<well-formed id>"} value replaced by {@value #SID}. */
    public static String masked(String text) {
        Matcher m = QUOTED_SID.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = ID.matcher(m.group(1)).matches() ? SID : m.group(1);
            m.appendReplacement(out, Matcher.quoteReplacement("\"sid\":\"" + value + "\""));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Asserts text equals the expected text once ids are masked. */
    public static void assertMasked(String expected, String actual) {
        assertEquals(expected, masked(actual));
    }

    /** The value of the first {@code "sid":"..."} in the text (asserting it is a well-formed id). */
    public static String sidIn(String text) {
        Matcher m = QUOTED_SID.matcher(text);
        assertTrue(m.find(), () -> "no sid in " + text);
        assertTrue(ID.matcher(m.group(1)).matches(), () -> "malformed sid in " + text);
        return m.group(1);
    }

    /** The JSON error body of an Engine.IO HTTP error. */
    public static String error(int code, String message) {
        return "{\"code\":" + code + ",\"message\":\"" + message + "\"}";
    }
}
