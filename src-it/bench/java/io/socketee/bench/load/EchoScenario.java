package io.socketee.bench.load;

import java.util.Map;

/** S1: one client, sequential echo round trips with an acknowledgement. */
final class EchoScenario extends Scenario {
    private final Samples samples = new Samples();
    private int remaining;
    private Client client;

    @Override
    Map<String, Double> run(Context ctx) {
        int n = ctx.options().integer("s1.roundTrips");
        try (Loop loop = ctx.loop()) {
            long deadline = ctx.deadline();
            client = new WsClient(loop, ctx.wire(), this).open();
            await(loop, () -> ready == 1, deadline, null);
            remaining = n;
            ctx.meter().start();
            client.echo(now());
            await(loop, () -> remaining == 0, deadline, null);
            ctx.meter().stop(n, "round trip", "S1", metrics);
        }
        metrics.put("S1 round trips/s", n / ctx.meter().seconds());
        metrics.put("S1 p50 µs", samples.percentileMicros(50));
        metrics.put("S1 p99 µs", samples.percentileMicros(99));
        metrics.put("S1 p99.9 µs", samples.percentileMicros(99.9));
        return metrics;
    }

    @Override
    public void onAck(Client from, long stamp) {
        samples.add(now() - stamp);
        if (--remaining > 0) {
            client.echo(now());
        }
    }
}
