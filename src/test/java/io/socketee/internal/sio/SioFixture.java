package io.socketee.internal.sio;

import io.socketee.internal.protocol.engine.EngineVersion;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * A {@link SioServer} on a direct executor and a {@link ManualScheduler}: each fake client
 * message is fully handled, listeners included, before {@code receive} returns.
 */
public final class SioFixture {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    public final ManualScheduler scheduler = new ManualScheduler();
    public final SioServer server;
    private int sessions;

    public SioFixture() {
        this(Runnable::run);
    }

    SioFixture(Executor executor) {
        this(new SioOptions(CONNECT_TIMEOUT, 10, 64), executor);
    }

    /** A server with these options, on a direct executor. */
    SioFixture(SioOptions options) {
        this(options, Runnable::run);
    }

    private SioFixture(SioOptions options, Executor executor) {
        server = new SioServer(options, executor, scheduler);
    }

    /** A server whose namespaces get their adapters from {@code adapters}, given this fixture's scheduler. */
    public SioFixture(java.util.function.Function<ManualScheduler, io.socketee.adapter.AdapterFactory> adapters) {
        server = new SioServer(new SioOptions(CONNECT_TIMEOUT, 10, 64), Runnable::run, scheduler,
                adapters.apply(scheduler));
    }

    /** A server with these options whose namespaces get their adapters from {@code adapters}. */
    public SioFixture(SioOptions options,
            java.util.function.Function<ManualScheduler, io.socketee.adapter.AdapterFactory> adapters) {
        server = new SioServer(options, Runnable::run, scheduler, adapters.apply(scheduler));
    }

    /** A new Engine.IO session of the given version, handed to the server. */
    public FakeEngineSocket open(EngineVersion version) {
        return open(version, Map.of());
    }

    /** A new session whose handshake request had {@code query}. */
    FakeEngineSocket open(EngineVersion version, Map<String, String> query) {
        FakeEngineSocket socket = new FakeEngineSocket(String.format("engine%015d", ++sessions), version, query);
        server.onConnection(socket);
        return socket;
    }

    /** A protocol v5 client connected to {@code nsp}, its CONNECT answer already consumed. */
    public FakeEngineSocket connectV5(String nsp) {
        FakeEngineSocket socket = open(EngineVersion.V4);
        socket.receive("/".equals(nsp) ? "0" : "0" + nsp + ",");
        socket.clear();
        return socket;
    }
}
