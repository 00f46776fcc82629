package io.socketee.internal.adapter.cluster;

import io.socketee.adapter.BroadcastOptions;
import io.socketee.internal.protocol.json.Json;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;

/**
 * Broadcast options as every Node adapter writes them ({@code rooms}, {@code except} and a
 * {@code flags} object), the same in the classic protocol and in the ClusterAdapter's. Pure and
 * stateless: thread-safe.
 */
public final class WireOptions {
    private WireOptions() {
    }

    /** {@code {}}, plus volatile, compress (when off) and, for acks, timeout, as Node writes them. */
    public static Json.Obj flags(BroadcastOptions options, boolean withTimeout) {
        Map<String, Json> f = new LinkedHashMap<>();
        if (options.volatileDelivery()) {
            f.put("volatile", Json.of(true));
        }
        if (!options.compress()) {
            f.put("compress", Json.of(false));
        }
        if (withTimeout) {
            options.timeout().ifPresent(t -> f.put("timeout", new Json.Num(t.toMillis())));
        }
        return new Json.Obj(f);
    }

    /** What a message from another server selects, delivered here only; {@code flags} may be null. */
    public static BroadcastOptions options(Collection<String> rooms, Collection<String> except, Json.Obj flags) {
        Map<String, Json> f = flags == null ? Map.of() : flags.fields();
        boolean volatileDelivery = f.get("volatile") instanceof Json.Bool v && v.value();
        boolean compress = !(f.get("compress") instanceof Json.Bool c && !c.value());
        Optional<Duration> timeout = f.get("timeout") instanceof Json.Num n
                ? Optional.of(Duration.ofMillis((long) n.value())) : Optional.empty();
        return new BroadcastOptions(new LinkedHashSet<>(rooms), new LinkedHashSet<>(except), true,
                volatileDelivery, compress, timeout);
    }
}
