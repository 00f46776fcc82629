package io.socketee.internal.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the configured properties under {@code socketio.} that SocketEE does not read: a typo
 * such as {@code socketio.namespace./chat.connectionMiddlware} would otherwise deploy cleanly and
 * silently drop what its author asked for. Checks the property names as written and their
 * environment-variable forms ({@code SOCKETIO_PINGINTERVAL}, as MicroProfile Config maps them),
 * and per-namespace keys of namespaces that {@code socketio.namespaces} (or
 * {@code socketio.dynamicNamespaces}) does not list. Each
 * problem names the nearest known key when one is close.
 *
 * <p>Stateless and thread-safe.
 */
final class UnknownKeys {
    private static final String PREFIX = "socketio.";
    private static final String ENV_PREFIX = "SOCKETIO_";
    private static final String NAMESPACE_PREFIX = "socketio.namespace.";
    private static final String DYNAMIC_PREFIX = "socketio.dynamicNamespace.";

    private UnknownKeys() {
    }

    /**
     * The problems, one line each with message id {@code SOCKETEE-CONFIG-002}.
     *
     * @param propertyNames every configured property name (all sources)
     * @param source the configuration's lookup: a name that differs from a known key only in case
     *     and punctuation is that key's environment form when the lookup finds the known key
     *     (Open Liberty lists {@code SOCKETIO_WRITETIMEOUT} as {@code socketio.writetimeout})
     * @param namespaces the namespaces listed in {@code socketio.namespaces}
     * @param dynamic the dynamic namespaces listed in {@code socketio.dynamicNamespaces}
     * @param removed keys of earlier versions, reported on their own
     */
    static List<String> problems(Iterable<String> propertyNames, java.util.function.Function<String, Optional<String>> source,
            List<String> namespaces, List<String> dynamic, Iterable<String> removed) {
        Listed listed = new Listed(namespaces, dynamic);
        Map<String, String> known = knownKeys(listed); // environment form -> key
        for (String r : removed) {
            known.put(envForm(r), r);
        }
        List<String> problems = new ArrayList<>();
        for (String name : propertyNames) {
            boolean env = name.startsWith(ENV_PREFIX);
            if (!env && !name.startsWith(PREFIX)) {
                continue;
            }
            String form = envForm(name);
            if ((env ? known.containsKey(form) : known.containsValue(name)) || isRoute(name, listed, env)
                    || isEnvironmentFormOf(known.get(form), source)) {
                continue;
            }
            problems.add("SOCKETEE-CONFIG-002 " + name + " is not a SocketEE setting" + why(name, listed, env)
                    + nearest(form, known).map(k -> "; did you mean " + k + "?").orElse(""));
        }
        return problems;
    }

    /**
     * Whether MicroProfile Config resolves {@code key} (the known key a name maps to): then the name
     * is one of the forms its environment source lists (a properties file's misspelt case is not
     * resolved, and so is still reported).
     */
    private static boolean isEnvironmentFormOf(String key, java.util.function.Function<String, Optional<String>> source) {
        return key != null && source.apply(key).isPresent();
    }

    /**
     * The names listed in {@code socketio.namespaces} and {@code socketio.dynamicNamespaces}, which
     * the per-namespace keys are expanded for.
     */
    private record Listed(List<String> namespaces, List<String> dynamic) {

        /** The names a per-namespace key is expanded for: dynamic ones for its dynamic keys. */
        List<String> of(ConfigKeys k) {
            return k.key().startsWith(DYNAMIC_PREFIX) ? dynamic : namespaces;
        }
    }

    /** Every key SocketEE reads, per-namespace ones expanded for the listed namespaces. */
    private static Map<String, String> knownKeys(Listed listed) {
        Map<String, String> known = new LinkedHashMap<>();
        for (ConfigKeys k : ConfigKeys.values()) {
            if (!k.key().contains("<")) {
                known.put(envForm(k.key()), k.key());
            } else if (!k.key().contains("<event>")) {
                for (String nsp : listed.of(k)) {
                    known.put(envForm(k.key(nsp)), k.key(nsp));
                }
            }
        }
        return known;
    }

    /** Whether {@code name} routes an event of a listed namespace. */
    private static boolean isRoute(String name, Listed listed, boolean env) {
        for (ConfigKeys route : List.of(ConfigKeys.NAMESPACE_ROUTE, ConfigKeys.DYNAMIC_NAMESPACE_ROUTE)) {
            for (String nsp : listed.of(route)) {
                String prefix = route.key(nsp).replace("<event>", "");
                if (env ? name.startsWith(envForm(prefix)) && name.length() > envForm(prefix).length()
                        : name.startsWith(prefix) && name.length() > prefix.length()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A hint for a per-namespace key of a namespace that is not listed. */
    private static String why(String name, Listed listed, boolean env) {
        if (env) {
            return "";
        }
        boolean dynamic = name.startsWith(DYNAMIC_PREFIX);
        if (!dynamic && !name.startsWith(NAMESPACE_PREFIX)) {
            return "";
        }
        String prefix = dynamic ? DYNAMIC_PREFIX : NAMESPACE_PREFIX;
        for (String suffix : List.of(".connectionMiddleware", ".packetMiddleware", ".route.", ".pattern")) {
            int at = name.indexOf(suffix, prefix.length());
            if (at > 0) {
                String nsp = name.substring(prefix.length(), at);
                if (dynamic && !listed.dynamic().contains(nsp)) {
                    return " (dynamic namespace " + nsp + " is not listed in socketio.dynamicNamespaces)";
                }
                if (!dynamic && !listed.namespaces().contains(nsp)) {
                    return " (namespace " + nsp + " is not listed in socketio.namespaces)";
                }
            }
        }
        return "";
    }

    /** The environment-variable form MicroProfile Config maps a key to. */
    static String envForm(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** The known key closest to {@code form}, if a few edits away. */
    private static Optional<String> nearest(String form, Map<String, String> known) {
        return known.entrySet().stream()
                .map(e -> Map.entry(distance(form, e.getKey()), e.getValue()))
                .filter(e -> e.getKey() <= Math.max(2, form.length() / 5))
                .min(Comparator.comparing(Map.Entry<Integer, String>::getKey))
                .map(Map.Entry::getValue);
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
