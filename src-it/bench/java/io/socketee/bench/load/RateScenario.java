package io.socketee.bench.load;

import java.util.Map;

/**
 * S4: clients emitting echo with an acknowledgement at fixed offered rates, open loop; each
 * latency runs from the scheduled send time, so a late generator or a queueing server both show.
 * The rates climb until one saturates (acks lost or p99 over one second).
 */
final class RateScenario extends Scenario {
    private static final long DRAIN_NANOS = 5_000_000_000L;

    private Samples samples;
    private long acked;
    private long ackedInWindow;
    private long windowEnd;
    private long totalAcks;
    private final StringBuilder steps = new StringBuilder();

    @Override
    Map<String, Double> run(Context ctx) {
        Options o = ctx.options();
        int n = o.integer("s4.clients");
        double limitMicros = o.integer("s4.p99LimitMs") * 1000.0;
        double ceiling = 0;
        double best = 0;
        double atReport = Double.NaN;
        try (Loop loop = ctx.loop()) {
            long deadline = ctx.deadline();
            Client[] clients = openAll(loop, n, 100, () -> new WsClient(loop, ctx.wire(), this).open(), deadline);
            ctx.meter().start();
            for (String rateText : o.list("s4.rates")) {
                int rate = Integer.parseInt(rateText.trim());
                long lost = step(loop, clients, rate, o.integer("s4.seconds"), deadline);
                double achieved = ackedInWindow / (double) o.integer("s4.seconds");
                double p50 = samples.percentileMicros(50);
                double p99 = samples.percentileMicros(99);
                steps.append(String.format(" %d:%.0f/s,p50=%.1fms,p99=%.1fms%s;", rate, achieved, p50 / 1000,
                        p99 / 1000, lost > 0 ? ",lost=" + lost : ""));
                ceiling = Math.max(ceiling, achieved);
                if (lost == 0 && p99 <= limitMicros) {
                    best = Math.max(best, rate);
                }
                if (rate == o.integer("s4.reportRate")) {
                    atReport = lost == 0 ? p99 / 1000 : Double.POSITIVE_INFINITY;
                }
                if (lost > 0 || p99 > 1_000_000) {
                    break;
                }
            }
            ctx.meter().stop(totalAcks, "ack", "S4", metrics);
        }
        metrics.put("S4 ceiling acks/s", ceiling);
        metrics.put("S4 highest rate with p99 ≤ " + o.str("s4.p99LimitMs") + " ms", best);
        metrics.put("S4 p99 ms at " + o.str("s4.reportRate") + "/s", atReport);
        return metrics;
    }

    /** One offered rate for a number of seconds, then a drain; answers the acks still missing. */
    private long step(Loop loop, Client[] clients, int rate, int seconds, long deadline) {
        samples = new Samples();
        acked = 0;
        ackedInWindow = 0;
        long total = (long) rate * seconds;
        double interval = 1e9 / rate;
        long t0 = now() + 1_000_000;
        windowEnd = t0 + seconds * 1_000_000_000L;
        long drainEnd = windowEnd + DRAIN_NANOS;
        long[] sent = {0};
        await(loop, () -> (sent[0] == total && acked == total) || now() - drainEnd > 0, deadline, () -> {
            long due = Math.min(total, (long) ((now() - t0) / interval) + 1);
            while (sent[0] < due) {
                clients[(int) (sent[0] % clients.length)].echo(t0 + (long) (sent[0] * interval));
                sent[0]++;
            }
        });
        return total - acked;
    }

    @Override
    public void onAck(Client client, long stamp) {
        long t = now();
        samples.add(t - stamp);
        acked++;
        totalAcks++;
        if (t - windowEnd <= 0) {
            ackedInWindow++;
        }
    }

    /** The per-rate figures, for the raw results. */
    String steps() {
        return steps.toString();
    }
}
