package io.socketee.internal.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.internal.protocol.json.Json;
import io.socketee.internal.protocol.json.JsonWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Dates as event arguments: they go out as ISO-8601 strings in the ECMAScript date-time string
 * format, which a JavaScript client turns back into a {@code Date} with {@code new Date(x)}, as
 * the reference's {@code Date} arguments (sent as {@code toISOString()}); and such strings come in
 * as the handler's {@code java.time} parameter.
 */
class JavaTimeJsonTest {
    /** ECMAScript's Date Time String Format (ECMA-262 21.4.1.32): what {@code new Date(x)} must accept. */
    private static final Pattern ECMASCRIPT = Pattern.compile(
            "\"\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2})?)?\"");
    private static final Instant AT = Instant.parse("2026-12-07T03:40:05.123Z");

    private final JsonMapper mapper = new JsonMapper();

    /** A payload as an application would emit it. */
    public record Meeting(String title, Instant start, Date legacy) {
    }

    @AfterEach
    void close() {
        mapper.close();
    }

    private String write(Object value) {
        return JsonWriter.write(mapper.toJson(value));
    }

    private static void assertJavaScriptReads(String json) {
        assertTrue(ECMASCRIPT.matcher(json).matches(), json + " is not in the ECMAScript date-time string format");
    }

    @Test
    void instantOffsetDateTimeAndLocalDateAreIsoStringsJavaScriptReads() {
        assertEquals("\"2026-12-07T03:40:05.123Z\"", write(AT));
        assertEquals("\"2026-12-07T04:40:05.123+01:00\"", write(OffsetDateTime.parse("2026-12-07T04:40:05.123+01:00")));
        assertEquals("\"2026-12-07\"", write(LocalDate.parse("2026-12-07")));
        assertJavaScriptReads(write(AT));
        assertJavaScriptReads(write(OffsetDateTime.parse("2026-12-07T04:40:05.123+01:00")));
        assertJavaScriptReads(write(LocalDate.parse("2026-12-07")));
    }

    /** JSON-B alone writes these with a bracketed zone id ("...Z[UTC]"), an Invalid Date in JavaScript. */
    @Test
    void utilDateAndZonedDateTimeLoseTheBracketedZoneIdJavaScriptRejects() {
        assertEquals("\"2026-12-07T03:40:05.123Z\"", write(Date.from(AT)));
        assertEquals("\"2026-12-07T04:40:05+01:00\"", write(ZonedDateTime.parse("2026-12-07T04:40:05+01:00[Europe/Paris]")));
        assertJavaScriptReads(write(Date.from(AT)));
    }

    @Test
    void datesInsideObjectsAreWrittenTheSameWay() {
        assertEquals("{\"legacy\":\"2026-12-07T03:40:05.123Z\",\"start\":\"2026-12-07T03:40:05.123Z\",\"title\":\"standup\"}",
                write(new Meeting("standup", AT, Date.from(AT))));
    }

    /** What a JavaScript client sends for a Date (its toISOString) arrives as the parameter's type. */
    @Test
    void aJavaScriptDateStringArrivesAsInstantOffsetDateTimeOrDate() {
        Json fromClient = Json.of("2026-12-07T03:40:05.123Z");
        assertEquals(AT, mapper.convert(fromClient, Instant.class));
        assertEquals(AT, ((OffsetDateTime) mapper.convert(fromClient, OffsetDateTime.class)).toInstant());
        assertEquals(Date.from(AT), mapper.convert(fromClient, Date.class));
        assertEquals(Date.from(AT), mapper.convert(Json.of("2026-12-07T03:40:05.123Z[UTC]"), Date.class));
    }
}
