package io.socketee.internal.cdi;

import io.socketee.internal.config.SocketIoConfig.NamespaceConfig;
import io.socketee.internal.handler.HandlerMethod;
import io.socketee.internal.handler.NamespaceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one INFO block SocketEE logs when a deployment starts ({@code SOCKETEE-BOOT-011}): the path,
 * the namespaces with their handlers and middleware, the adapter, where the metrics go, and the
 * settings changed from their defaults (secrets already masked by
 * {@link io.socketee.internal.config.EffectiveSettings}).
 *
 * @param path the engine's path under the application's context root
 * @param namespaces the namespaces listed in {@code socketio.namespaces} and
 *     {@code socketio.dynamicNamespaces}, with their middleware
 * @param handlers every handler method found
 * @param adapter the adapter, described
 * @param metrics the metrics API in use, or why none
 * @param settings the non-default settings, masked
 *
 * <p>Immutable; thread-safe.
 */
record StartupReport(String path, List<NamespaceConfig> namespaces, List<HandlerMethod> handlers, String adapter,
        String metrics, Map<String, String> settings) {

    StartupReport {
        namespaces = List.copyOf(namespaces);
        handlers = List.copyOf(handlers);
        settings = Map.copyOf(settings);
    }

    /** The block's text, one fact a line. */
    String text() {
        StringBuilder sb = new StringBuilder("SOCKETEE-BOOT-011 SocketEE started");
        line(sb, 1, "path: " + path + " (under the application's context root)");
        line(sb, 1, "adapter: " + adapter);
        line(sb, 1, "metrics: " + metrics);
        Map<String, List<String>> byNamespace = new TreeMap<>();
        for (NamespaceConfig n : namespaces) {
            byNamespace.put(title(Routes.ref(n)), new ArrayList<>());
        }
        for (HandlerMethod h : handlers) {
            byNamespace.computeIfAbsent(title(h.namespace()), n -> new ArrayList<>()).add(describe(h));
        }
        if (byNamespace.isEmpty()) {
            line(sb, 1, "namespaces: none configured or handled (the application registers its listeners itself)");
        }
        for (Map.Entry<String, List<String>> n : byNamespace.entrySet()) {
            line(sb, 1, n.getKey());
            namespaces.stream().filter(c -> title(Routes.ref(c)).equals(n.getKey())).findFirst().ifPresent(c -> {
                c.pattern().ifPresent(p -> line(sb, 2, "configured as " + c.name()));
                line(sb, 2, "connection middleware: " + listed(c.connectionMiddleware()));
                line(sb, 2, "packet middleware: " + listed(c.packetMiddleware()));
            });
            n.getValue().stream().sorted().forEach(h -> line(sb, 2, "handler " + h));
        }
        if (settings.isEmpty()) {
            line(sb, 1, "settings: all defaults");
        } else {
            line(sb, 1, "settings changed from their defaults:");
            new TreeMap<>(settings).forEach((k, v) -> line(sb, 2, k + "=" + v));
        }
        return sb.toString();
    }

    /** "namespace /chat", or "dynamic namespace ^/workspace-\w+$". */
    private static String title(NamespaceRef ref) {
        return ref instanceof NamespaceRef.Dynamic d ? "dynamic namespace " + d.pattern() : "namespace " + ref.describe();
    }

    private static String describe(HandlerMethod h) {
        String what = switch (h.kind()) {
            case EVENT -> "event \"" + h.event() + "\"";
            case CONNECT -> "connect";
            case DISCONNECTING -> "disconnecting";
            case DISCONNECT -> "disconnect";
            case ERROR -> "error";
        };
        return what + ": " + h.describe();
    }

    private static String listed(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static void line(StringBuilder sb, int depth, String text) {
        sb.append('\n').append("  ".repeat(depth)).append(text);
    }
}
