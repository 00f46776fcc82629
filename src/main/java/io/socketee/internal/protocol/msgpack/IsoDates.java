package io.socketee.internal.protocol.msgpack;

/**
 * Epoch milliseconds as JavaScript's {@code Date.prototype.toISOString} writes them
 * ({@code 2023-11-14T22:13:20.123Z}; years outside 0 to 9999 as {@code +YYYYYY} or {@code -YYYYYY}),
 * computed by hand because the codec uses no {@code java.time}. Stateless and thread-safe.
 */
final class IsoDates {
    private static final long DAY = 86_400_000L;

    private IsoDates() {
    }

    /** The ISO string of the instant {@code millis} after the epoch (proleptic Gregorian, UTC). */
    static String format(long millis) {
        long days = Math.floorDiv(millis, DAY);
        long ms = Math.floorMod(millis, DAY);
        // days to civil date (H. Hinnant's algorithm, public domain description)
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long day = doy - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        String y = year >= 0 && year <= 9999 ? pad(year, 4)
                : (year < 0 ? "-" : "+") + pad(Math.abs(year), 6);
        return y + "-" + pad(month, 2) + "-" + pad(day, 2) + "T" + pad(ms / 3_600_000, 2) + ":"
                + pad(ms / 60_000 % 60, 2) + ":" + pad(ms / 1000 % 60, 2) + "." + pad(ms % 1000, 3) + "Z";
    }

    private static String pad(long n, int width) {
        String s = Long.toString(n);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }
}
