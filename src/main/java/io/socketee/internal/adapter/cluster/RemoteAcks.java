package io.socketee.internal.adapter.cluster;

import io.socketee.Args;
import io.socketee.adapter.BroadcastAck;
import io.socketee.internal.adapter.NamespaceHost;
import io.socketee.internal.protocol.json.Json;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The acknowledgements of another server's broadcast, as this server reports them back: the
 * number of local recipients once, then each recipient's first answer as JSON (every Node
 * adapter carries only the first argument). A recipient that leaves is covered by the
 * requester's timeout.
 *
 * <p>Thread-safe when the two consumers are.
 */
public final class RemoteAcks implements BroadcastAck {
    private final NamespaceHost host;
    private final IntConsumer count;
    private final Consumer<Json> answer;

    /**
     * @param count publishes the client count
     * @param answer publishes one answer
     */
    public RemoteAcks(NamespaceHost host, IntConsumer count, Consumer<Json> answer) {
        this.host = host;
        this.count = count;
        this.answer = answer;
    }

    @Override
    public void expect(int clients) {
        count.accept(clients);
    }

    @Override
    public void answered(Args args) {
        answer.accept(args.isEmpty() ? Json.NULL : host.toJson(Arrays.asList(args.get(0))).items().get(0));
    }

    @Override
    public void lost() {
        // the requester's timeout covers answers that never come
    }
}
