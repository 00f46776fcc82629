package io.socketee.internal.protocol.msgpack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoDatesTest {
    @Test
    void writesWhatJavaScriptsToIsoStringWrites() {
        assertEquals("1970-01-01T00:00:00.000Z", IsoDates.format(0));
        assertEquals("2023-11-14T22:13:20.123Z", IsoDates.format(1_700_000_000_123L)); // node: new Date(1700000000123).toISOString()
        assertEquals("1969-12-31T23:59:59.999Z", IsoDates.format(-1));
        assertEquals("2000-02-29T12:00:00.000Z", IsoDates.format(951_825_600_000L));
        assertEquals("+275760-09-13T00:00:00.000Z", IsoDates.format(8_640_000_000_000_000L));
        assertEquals("-000001-01-01T00:00:00.000Z", IsoDates.format(-62_198_755_200_000L));
    }

    @Test
    void agreesWithJavaTimeForYearsZeroToNineThousandNineHundredNinetyNine() {
        Random random = new Random(7);
        long max = 253_402_300_799_999L; // 9999-12-31T23:59:59.999Z
        long min = -62_167_219_200_000L; // 0000-01-01T00:00:00.000Z
        for (int i = 0; i < 100_000; i++) {
            long millis = min + Math.floorMod(random.nextLong(), max - min);
            String expected = Instant.ofEpochMilli(millis).toString();
            // Instant leaves out zero milliseconds and seconds; toISOString does not
            String js = IsoDates.format(millis);
            assertEquals(Instant.parse(expected), Instant.parse(js), js);
        }
    }
}
