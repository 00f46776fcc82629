package io.socketee.internal.protocol.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JavaScript's own-property order for plain objects: keys that are array indices (canonical
 * decimal integers below 2^32 - 1) come first in ascending numeric order, then every other key in
 * insertion order. {@code JSON.stringify} and {@code for...in} follow it. Stateless, thread-safe.
 */
final class JsKeys {
    private static final long MAX_ARRAY_INDEX = 4294967294L;

    private JsKeys() {
    }

    /** Whether {@code key} is an array index, such as "0" or "42" but not "01" or "-1". */
    static boolean isArrayIndex(String key) {
        int n = key.length();
        if (n == 0 || n > 10) {
            return false;
        }
        char first = key.charAt(0);
        if (first < '0' || first > '9' || (first == '0' && n > 1)) {
            return false;
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            v = v * 10 + (c - '0');
        }
        return v <= MAX_ARRAY_INDEX;
    }

    /** Whether any key of the map is an array index (so the map needs reordering). */
    static boolean hasArrayIndex(Map<String, ?> fields) {
        for (String key : fields.keySet()) {
            if (isArrayIndex(key)) {
                return true;
            }
        }
        return false;
    }

    /** The map itself when already in property order, else a reordered copy. */
    static <V> Map<String, V> inPropertyOrder(Map<String, V> fields) {
        if (!hasArrayIndex(fields)) {
            return fields;
        }
        List<String> indices = new ArrayList<>();
        for (String key : fields.keySet()) {
            if (isArrayIndex(key)) {
                indices.add(key);
            }
        }
        indices.sort((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
        Map<String, V> ordered = new LinkedHashMap<>();
        for (String key : indices) {
            ordered.put(key, fields.get(key));
        }
        for (Map.Entry<String, V> e : fields.entrySet()) {
            ordered.putIfAbsent(e.getKey(), e.getValue());
        }
        return ordered;
    }
}
