package io.socketee.bench.load;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One scenario of issue 7, run once against one server; it hears its clients' events as a
 * {@link Listener}. A fresh instance per run; confined to the runner's thread.
 */
abstract class Scenario implements Listener {
    /** What a scenario runs against. */
    record Context(Options options, ServerProcess server, Meter meter, Wire wire) {
        Loop loop() {
            return new Loop(options.str("host"), server.port(), options.integer("maxConnections"));
        }

        long deadline() {
            return System.nanoTime() + options.integer("scenarioTimeoutSeconds") * 1_000_000_000L;
        }
    }

    protected final Map<String, Double> metrics = new LinkedHashMap<>();
    protected int ready;
    private int failures;
    private String firstFailure;

    /** Runs the scenario and answers its figures, row title to value. */
    abstract Map<String, Double> run(Context ctx);

    @Override
    public void onReady(Client client) {
        ready++;
    }

    @Override
    public void onFailed(Client client, String why) {
        if (failures++ == 0) {
            firstFailure = why;
        }
    }

    /** Runs {@code loop} until {@code done}; fails at once when any client has failed. */
    protected void await(Loop loop, BooleanSupplier done, long deadline, Runnable tick) {
        loop.run(() -> {
            if (failures > 0) {
                throw new IllegalStateException(failures + " client(s) failed, first: " + firstFailure);
            }
            return done.getAsBoolean();
        }, deadline, tick);
    }

    /** Opens {@code n} clients, at most {@code concurrency} handshakes at once, and waits until all are ready. */
    protected Client[] openAll(Loop loop, int n, int concurrency, Supplier<Client> factory, long deadline) {
        Client[] clients = new Client[n];
        int[] opened = {ready};
        int base = ready;
        await(loop, () -> ready - base == n, deadline, () -> {
            while (opened[0] - base < n && opened[0] - ready < concurrency) {
                clients[opened[0]++ - base] = factory.get();
            }
        });
        return clients;
    }

    protected static long now() {
        return System.nanoTime();
    }
}
