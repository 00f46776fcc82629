package io.socketee.internal.sio;

import io.socketee.BroadcastOperator;
import io.socketee.NamespaceMatcher;
import io.socketee.Socket;
import io.socketee.adapter.BroadcastOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A dynamic namespace: decides which unknown namespace names a client may create, and is the
 * parent of those it created. Its middleware and connection listeners run for every child, before
 * the child's own; its operators act on all children (the reference's {@code ParentNamespace},
 * whose {@code fetchSockets} throws where this one gathers the children's sockets).
 *
 * <p>Thread-safe: concurrent collections only.
 */
final class ParentNamespace extends AbstractNamespace {
    private static final Logger LOG = Logger.getLogger(ParentNamespace.class.getName());

    private final SioServer server;
    private final NamespaceMatcher matcher;
    private final Set<SioNamespace> children = ConcurrentHashMap.newKeySet();

    ParentNamespace(SioServer server, String name, NamespaceMatcher matcher) {
        super(name);
        this.server = server;
        this.matcher = Objects.requireNonNull(matcher, "matcher");
    }

    /** Always empty: the sockets belong to the children. */
    @Override
    public Map<String, Socket> sockets() {
        return Map.of();
    }

    @Override
    public void serverSideEmit(String event, Object... args) {
        Events.checkEmittable(event);
        // as the reference's parent namespace: there is no adapter of its own to carry it
    }

    @Override
    public CompletionStage<List<Object>> serverSideEmitWithAck(Duration timeout, String event, Object... args) {
        Events.checkEmittable(event);
        return CompletableFuture.completedFuture(List.<Object>of()).minimalCompletionStage();
    }

    /** The rooms of every child. */
    @Override
    public CompletionStage<Set<String>> allRooms() {
        CompletableFuture<Set<String>> all = CompletableFuture.completedFuture(Set.of());
        for (SioNamespace child : List.copyOf(children)) {
            all = all.thenCombine(child.allRooms(), (a, b) -> {
                Set<String> union = new java.util.LinkedHashSet<>(a);
                union.addAll(b);
                return java.util.Collections.unmodifiableSet(union);
            });
        }
        return all.minimalCompletionStage();
    }

    @Override
    BroadcastOperator operator() {
        return new SioBroadcastOperator(server, () -> List.copyOf(children), BroadcastOptions.ALL);
    }

    /** Whether a client with {@code auth} may create {@code nsp}; a failing matcher is logged and says no. */
    boolean matches(String nsp, Map<String, Object> auth) {
        try {
            return matcher.matches(nsp, auth);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "namespace matcher of " + name() + " failed on " + nsp, e);
            return false;
        }
    }

    /** A new child namespace named {@code nsp}. */
    SioNamespace createChild(String nsp) {
        SioNamespace child = new SioNamespace(server, nsp, Optional.of(this));
        children.add(child);
        return child;
    }

    void forget(SioNamespace child) {
        children.remove(child);
    }

    @Override
    public String toString() {
        return "ParentNamespace[" + name() + "]";
    }
}
