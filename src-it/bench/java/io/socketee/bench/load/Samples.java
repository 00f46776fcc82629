package io.socketee.bench.load;

import java.util.Arrays;

/** Latency samples in nanoseconds, bounded in count, with exact percentiles. Not thread-safe. */
final class Samples {
    private static final int MAX = 20_000_000;
    private long[] values = new long[1024];
    private int size;

    void add(long nanos) {
        if (size == values.length) {
            if (size >= MAX) {
                throw new IllegalStateException("more than " + MAX + " samples");
            }
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    int size() {
        return size;
    }

    /** The {@code p}-th percentile (0 < p ≤ 100) in microseconds, or NaN without samples. */
    double percentileMicros(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        Arrays.sort(values, 0, size);
        int rank = (int) Math.ceil(p / 100.0 * size) - 1;
        return values[Math.max(0, Math.min(size - 1, rank))] / 1000.0;
    }
}
