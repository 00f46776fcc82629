package io.socketee.internal.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of what happened per second ("rawConnection", "rawDisconnection" by reason, "packetsIn",
 * "packetsOut", "bytesIn", "bytesOut"), handed to the UI in {@code server_stats} as its
 * {@code aggregatedEvents}: {@code {timestamp, type, subType?, count}}, the timestamp the start of
 * the second in epoch milliseconds.
 *
 * <p>Thread-safe and lock-free on the counting path. A count that arrives for a second already
 * drained is dropped: only seconds that are over are drained.
 */
final class AggregatedEvents {

    /** One counter's key: the second, the type and the sub-type (null when none). */
    private record Key(long second, String type, String subType) {
    }

    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();

    /** Adds {@code count} of {@code type} (and {@code subType}, or null) at {@code nowMillis}. */
    void add(long nowMillis, String type, String subType, long count) {
        Objects.requireNonNull(type, "type");
        counts.computeIfAbsent(new Key(nowMillis - Math.floorMod(nowMillis, 1000L), type, subType),
                k -> new LongAdder()).add(count);
    }

    /** The counts of every second before the one of {@code nowMillis}, removed, oldest first. */
    List<Map<String, Object>> drain(long nowMillis) {
        long current = nowMillis - Math.floorMod(nowMillis, 1000L);
        List<Key> done = counts.keySet().stream().filter(k -> k.second() < current)
                .sorted(java.util.Comparator.comparingLong(Key::second)).toList();
        List<Map<String, Object>> values = new ArrayList<>(done.size());
        for (Key k : done) {
            LongAdder adder = counts.remove(k);
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("timestamp", k.second());
            value.put("type", k.type());
            if (k.subType() != null) {
                value.put("subType", k.subType());
            }
            value.put("count", adder.sum());
            values.add(value);
        }
        return values;
    }

    /** The bytes a message takes on the wire: UTF-8 for text, the length of binary. */
    static long size(Object message) {
        if (message instanceof byte[] bytes) {
            return bytes.length;
        }
        String text = String.valueOf(message);
        long n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
