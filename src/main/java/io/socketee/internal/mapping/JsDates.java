package io.socketee.internal.mapping;

import jakarta.json.bind.adapter.JsonbAdapter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;

/**
 * JSON-B adapters for the two date types whose JSON-B form a JavaScript {@code Date} cannot
 * read: JSON-B writes {@code java.util.Date} and {@code ZonedDateTime} with a zone id in
 * brackets ({@code 2026-12-07T03:40:05.123Z[UTC]}), which {@code new Date(x)} rejects. These
 * write what a JavaScript {@code Date} becomes on the reference server ({@code toISOString}, or
 * an ISO offset date-time), and read those forms and JSON-B's own back. {@code Instant},
 * {@code OffsetDateTime}, {@code LocalDate} and the other {@code java.time} types keep JSON-B's
 * ISO-8601 forms, which JavaScript reads as they are. Stateless and thread-safe.
 */
final class JsDates {
    private JsDates() {
    }

    /** The adapters, for {@code JsonbConfig.withAdapters}. */
    @SuppressWarnings("rawtypes")
    static JsonbAdapter[] adapters() {
        return new JsonbAdapter[] {new UtilDate(), new Zoned()};
    }

    /** {@code java.util.Date} as an ISO instant in UTC, like JavaScript's {@code toISOString}. */
    static final class UtilDate implements JsonbAdapter<Date, String> {
        @Override
        public String adaptToJson(Date date) {
            return date.toInstant().toString();
        }

        @Override
        public Date adaptFromJson(String text) {
            return Date.from(instant(text));
        }
    }

    /** {@code ZonedDateTime} as an ISO date-time with its offset (the zone id is dropped). */
    static final class Zoned implements JsonbAdapter<ZonedDateTime, String> {
        @Override
        public String adaptToJson(ZonedDateTime time) {
            return time.toOffsetDateTime().toString();
        }

        @Override
        public ZonedDateTime adaptFromJson(String text) {
            return ZonedDateTime.parse(text);
        }
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return ZonedDateTime.parse(text).toInstant();
        }
    }
}
