package io.socketee.internal.cdi;

import io.socketee.AllowRequest;
import io.socketee.AsyncAllowRequest;
import io.socketee.ConnectionRequest;
import io.socketee.ResponseHeaders;
import io.socketee.internal.engine.EngineOptions;
import io.socketee.internal.engine.HandshakeRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The application's engine hooks, by the path they apply to: its {@link AllowRequest} or
 * {@link AsyncAllowRequest} (at most one per path) and its {@link ResponseHeaders}. The path ""
 * is the Socket.IO server's. Immutable once built; thread-safe.
 */
final class EngineHooks {
    private static final Logger LOG = Logger.getLogger(EngineHooks.class.getName());
    static final EngineHooks NONE = new EngineHooks(Map.of(), Map.of());

    private final Map<String, EngineOptions.HandshakeVerifier> checks;
    private final Map<String, List<ResponseHeaders>> headers;

    private EngineHooks(Map<String, EngineOptions.HandshakeVerifier> checks, Map<String, List<ResponseHeaders>> headers) {
        this.checks = Map.copyOf(checks);
        this.headers = Map.copyOf(headers);
    }

    /**
     * The hooks of these beans, by path.
     *
     * @throws IllegalStateException naming every path with more than one check
     */
    static EngineHooks of(Collection<AllowRequest> sync, Collection<AsyncAllowRequest> async,
            Collection<ResponseHeaders> responseHeaders) {
        Map<String, EngineOptions.HandshakeVerifier> checks = new LinkedHashMap<>();
        Map<String, List<String>> owners = new LinkedHashMap<>();
        for (AllowRequest a : sync) {
            String path = key(a.path());
            checks.put(path, r -> CompletableFuture.completedFuture(a.refuse(io.socketee.internal.sio.ConnectionRequests.of(r))));
            owners.computeIfAbsent(path, p -> new ArrayList<>()).add(a.getClass().getName());
        }
        for (AsyncAllowRequest a : async) {
            String path = key(a.path());
            checks.put(path, r -> a.refuse(io.socketee.internal.sio.ConnectionRequests.of(r)));
            owners.computeIfAbsent(path, p -> new ArrayList<>()).add(a.getClass().getName());
        }
        List<String> problems = new ArrayList<>();
        owners.forEach((path, names) -> {
            if (names.size() > 1) {
                problems.add("SOCKETEE-BOOT-012 several handshake checks (AllowRequest, AsyncAllowRequest) for "
                        + describe(path) + ": " + names);
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("\n  ", problems));
        }
        Map<String, List<ResponseHeaders>> byPath = new LinkedHashMap<>();
        for (ResponseHeaders h : responseHeaders) {
            byPath.computeIfAbsent(key(h.path()), p -> new ArrayList<>()).add(h);
        }
        byPath.replaceAll((p, list) -> List.copyOf(list));
        return new EngineHooks(checks, byPath);
    }

    /** "" for the Socket.IO server, else the path normalised as {@code @EngineIoEndpoint}'s. */
    private static String key(String path) {
        return path == null || path.isBlank() ? "" : SocketEeInitializer.normalise(path);
    }

    private static String describe(String path) {
        return path.isEmpty() ? "the Socket.IO server" : path;
    }

    /**
     * The problems of hooks whose path is not served: neither "" nor one of {@code rawPaths}.
     */
    List<String> unservedPaths(Set<String> rawPaths) {
        Set<String> paths = new TreeSet<>(checks.keySet());
        paths.addAll(headers.keySet());
        List<String> problems = new ArrayList<>();
        for (String p : paths) {
            if (!p.isEmpty() && !rawPaths.contains(p)) {
                problems.add("SOCKETEE-BOOT-013 an AllowRequest, AsyncAllowRequest or ResponseHeaders bean names path "
                        + p + ", which no @EngineIoEndpoint serves (endpoints: " + rawPaths + ")");
            }
        }
        return problems;
    }

    /** {@code options} with the hooks of {@code path} ("" for the Socket.IO server). */
    EngineOptions apply(String path, EngineOptions options) {
        EngineOptions o = options;
        EngineOptions.HandshakeVerifier check = checks.get(path);
        if (check != null) {
            o = o.withHttp(o.cors(), o.cookie(), check);
        }
        List<ResponseHeaders> hs = headers.get(path);
        if (hs != null) {
            o = o.withHooks((request, handshake, map) -> addHeaders(hs, request, handshake, map), o.verifyTimeout());
        }
        return o;
    }

    /** As the reference: every {@code initial_headers} listener on a handshake, then every {@code headers} one. */
    private static void addHeaders(List<ResponseHeaders> hooks, HandshakeRequest request, boolean handshake,
            Map<String, String> headers) {
        ConnectionRequest r = io.socketee.internal.sio.ConnectionRequests.of(request);
        if (handshake) {
            hooks.forEach(h -> guarded(h, () -> h.initialHeaders(r, headers)));
        }
        hooks.forEach(h -> guarded(h, () -> h.headers(r, headers)));
    }

    private static void guarded(ResponseHeaders hook, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "SOCKETEE-ENGINE-012 ResponseHeaders " + hook.getClass().getName() + " failed", e);
        }
    }
}
