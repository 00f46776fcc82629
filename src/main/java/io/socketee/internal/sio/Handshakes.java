package io.socketee.internal.sio;

import io.socketee.Handshake;
import io.socketee.internal.engine.HandshakeRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/** Builds {@link Handshake}s and parses Socket.IO 2 namespace query strings. Stateless, thread-safe. */
final class Handshakes {
    /** At most this many query parameters are read, as Node's {@code querystring.parse}. */
    static final int MAX_QUERY_KEYS = 1000;
    private static final DateTimeFormatter JS_DATE =
            DateTimeFormatter.ofPattern("EEE MMM dd yyyy HH:mm:ss 'GMT'xx", Locale.US);

    private Handshakes() {
    }

    /** The handshake of a socket created now on a connection opened by {@code request}. */
    static Handshake of(HandshakeRequest request, Map<String, Object> auth, Instant now, ZoneId zone) {
        return new Handshake(
                request.headers(),
                request.query(),
                auth,
                jsDate(now, zone),
                now.toEpochMilli(),
                request.url(),
                request.remoteAddress(),
                request.header("origin").isPresent(),
                request.secure(),
                request.caller().principal(),
                request.caller().roles());
    }

    /** {@code instant} as JavaScript's {@code Date.toString()} prints it in {@code zone}. */
    static String jsDate(Instant instant, ZoneId zone) {
        ZonedDateTime time = instant.atZone(zone);
        boolean daylight = zone.getRules().isDaylightSavings(instant);
        String zoneName = TimeZone.getTimeZone(zone).getDisplayName(daylight, TimeZone.LONG, Locale.US);
        return JS_DATE.format(time) + " (" + zoneName + ")";
    }

    /**
     * Parses a query string as Node's {@code querystring.parse}: '+' is a space, bad escapes stay
     * as they are, and a repeated key gives a list of its values.
     */
    static Map<String, Object> parseQuery(String query) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return result;
        }
        String[] pairs = query.split("&", MAX_QUERY_KEYS + 1);
        for (int i = 0; i < Math.min(pairs.length, MAX_QUERY_KEYS); i++) {
            String pair = pairs[i];
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            result.merge(key, value, Handshakes::append);
        }
        return result;
    }

    private static Object append(Object existing, Object value) {
        List<Object> values = new ArrayList<>();
        if (existing instanceof List<?> list) {
            values.addAll(list);
        } else {
            values.add(existing);
        }
        values.add(value);
        return List.copyOf(values);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s.replace('+', ' ');
        }
    }
}
