package io.socketee.internal.admin;

import io.socketee.Args;
import io.socketee.BroadcastOperator;
import io.socketee.Namespace;
import io.socketee.Socket;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What an admin UI may do to the sockets, as the reference's v4 handlers: {@code emit(nsp, filter,
 * event, ...args)}, {@code join(nsp, room, filter?)}, {@code leave(nsp, room, filter?)} and
 * {@code _disconnect(nsp, close, filter?)}, where the filter, when given, is a room (a socket's id
 * for one socket) and the operation acts on every server of the cluster. A namespace that does not
 * exist is left alone (the reference would create it); a malformed call is logged and ignored.
 *
 * <p>Thread-safe: stateless apart from the namespace lookup.
 */
final class AdminOperations {
    private static final Logger LOG = Logger.getLogger(AdminOperations.class.getName());

    private final Function<String, Optional<Namespace>> namespaces;

    /** @param namespaces finds an existing namespace by name */
    AdminOperations(Function<String, Optional<Namespace>> namespaces) {
        this.namespaces = namespaces;
    }

    /** Listens for the operations on an admin UI's socket. */
    void register(Socket admin) {
        admin.on("emit", (s, args, ack) -> run("emit", args, () -> emit(args)));
        admin.on("join", (s, args, ack) -> run("join", args,
                () -> target(args, 2).ifPresent(t -> t.socketsJoin(args.get(1, String.class)))));
        admin.on("leave", (s, args, ack) -> run("leave", args,
                () -> target(args, 2).ifPresent(t -> t.socketsLeave(args.get(1, String.class)))));
        admin.on("_disconnect", (s, args, ack) -> run("_disconnect", args,
                () -> target(args, 2).ifPresent(t -> t.disconnectSockets(Boolean.TRUE.equals(args.get(1, Boolean.class))))));
    }

    private void emit(Args args) {
        String event = args.get(2, String.class);
        if (event == null) {
            throw new IllegalArgumentException("no event name");
        }
        Object[] rest = args.subList(Math.min(3, args.size()), args.size()).toArray();
        target(args, 1).ifPresent(t -> t.emit(event, rest));
    }

    /** Namespace {@code args[0]}, narrowed to the room {@code args[filterAt]} when that is a non-empty string. */
    Optional<BroadcastOperator> target(Args args, int filterAt) {
        String nsp = args.get(0, String.class);
        Optional<Namespace> namespace = nsp == null ? Optional.empty() : namespaces.apply(nsp);
        Optional<String> filter = args.size() > filterAt && args.get(filterAt) instanceof String f && !f.isEmpty()
                ? Optional.of(f) : Optional.empty();
        return namespace.map(n -> filter.<BroadcastOperator>map(n::in).orElse(n));
    }

    private static void run(String operation, Args args, Runnable body) {
        try {
            body.run();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, e, () -> "SOCKETEE-ADMIN-003 admin UI operation " + operation + args + " ignored");
        }
    }
}
