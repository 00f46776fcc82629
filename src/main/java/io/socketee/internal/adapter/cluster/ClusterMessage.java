package io.socketee.internal.adapter.cluster;

import static io.socketee.internal.protocol.ProtocolException.Kind.CLUSTER;

import io.socketee.internal.protocol.ProtocolException;
import io.socketee.internal.protocol.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One message of socket.io-adapter's {@code ClusterAdapter}: {@code {type, data?, uid, nsp}}, in
 * that key order (Node sets {@code uid} and {@code nsp} last, just before publishing). The data
 * is kept as JSON; {@link ClusterAdapter} reads and writes its fields. Immutable and thread-safe.
 *
 * @param type the kind
 * @param data its payload; empty for the heartbeat kinds
 * @param uid the sender's id
 * @param nsp the namespace
 */
public record ClusterMessage(MessageType type, Optional<Json.Obj> data, String uid, String nsp) {

    /** Checks that nothing is null. */
    public ClusterMessage {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(nsp, "nsp");
    }

    /** The whole message as one JSON object, as the pub/sub channels carry it. */
    public Json.Obj toJson() {
        Map<String, Json> m = new LinkedHashMap<>();
        m.put("type", new Json.Num(type.code()));
        data.ifPresent(d -> m.put("data", d));
        m.put("uid", new Json.Str(uid));
        m.put("nsp", new Json.Str(nsp));
        return new Json.Obj(m);
    }

    /** The message {@code json} holds; empty when its type is one this version does not know. */
    public static Optional<ClusterMessage> of(Json json) {
        if (!(json instanceof Json.Obj o)) {
            throw new ProtocolException(CLUSTER, "cluster message: not an object");
        }
        if (!(o.fields().get("type") instanceof Json.Num n) || n.value() != Math.rint(n.value())) {
            throw new ProtocolException(CLUSTER, "cluster message: no numeric type");
        }
        return of((int) n.value(), o.fields().get("data"), o.fields().get("uid"), o.fields().get("nsp"));
    }

    /** The message made of its four parts as a transport found them; empty for an unknown type. */
    public static Optional<ClusterMessage> of(int code, Json data, Json uid, Json nsp) {
        Optional<MessageType> type = MessageType.of(code);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        if (!(uid instanceof Json.Str u) || !(nsp instanceof Json.Str ns)) {
            throw new ProtocolException(CLUSTER, "cluster message: uid and nsp must be strings");
        }
        if (data != null && !(data instanceof Json.Obj) && !(data instanceof Json.Null)) {
            throw new ProtocolException(CLUSTER, "cluster message: data is not an object");
        }
        return Optional.of(new ClusterMessage(type.get(),
                data instanceof Json.Obj d ? Optional.of(d) : Optional.empty(), u.value(), ns.value()));
    }
}
