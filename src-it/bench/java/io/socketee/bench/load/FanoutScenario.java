package io.socketee.bench.load;

import java.util.Map;

/**
 * S2 (WebSocket clients, the sender one of them) and S5 (polling-only clients, the sender a
 * separate WebSocket client): clients in one room, broadcasts with a bounded number in flight;
 * a broadcast is done when every client has it.
 */
final class FanoutScenario extends Scenario {
    private static final String ROOM = "bench";

    private final boolean polling;
    private final String prefix;
    private final Samples samples = new Samples();
    private int clientCount;
    private int[] delivered;
    private int sent;
    private int completed;
    private int broadcasts;
    private int inFlight;
    private int joined;
    private long deliveries;
    private Client sender;

    FanoutScenario(boolean polling) {
        this.polling = polling;
        this.prefix = polling ? "S5" : "S2";
    }

    @Override
    Map<String, Double> run(Context ctx) {
        Options o = ctx.options();
        String key = polling ? "s5." : "s2.";
        clientCount = o.integer(key + "clients");
        broadcasts = o.integer(key + "broadcasts");
        inFlight = o.integer(key + "inFlight");
        delivered = new int[broadcasts];
        try (Loop loop = ctx.loop()) {
            long deadline = ctx.deadline();
            Client[] clients = openAll(loop, clientCount, 100, () -> polling
                    ? new PollClient(loop, ctx.wire(), this, ROOM).open()
                    : new WsClient(loop, ctx.wire(), this).open(), deadline);
            if (polling) {
                sender = new WsClient(loop, ctx.wire(), this).open();
                await(loop, () -> ready == clientCount + 1, deadline, null);
            } else {
                for (Client c : clients) {
                    c.join(ROOM);
                }
                await(loop, () -> joined == clientCount, deadline, null);
                sender = clients[0];
            }
            ctx.meter().start();
            await(loop, () -> completed == broadcasts, deadline, this::sendMore);
            ctx.meter().stop(deliveries, "delivery", prefix, metrics);
        }
        metrics.put(prefix + " deliveries/s", deliveries / ctx.meter().seconds());
        metrics.put(prefix + " p50 ms", samples.percentileMicros(50) / 1000);
        metrics.put(prefix + " p99 ms", samples.percentileMicros(99) / 1000);
        return metrics;
    }

    private void sendMore() {
        while (sent < broadcasts && sent - completed < inFlight) {
            sender.fanout(ROOM, now(), sent++);
        }
    }

    @Override
    public void onAck(Client client, long stamp) {
        joined++;
    }

    @Override
    public void onFan(Client client, long stamp, long seq) {
        samples.add(now() - stamp);
        deliveries++;
        if (++delivered[(int) seq] == clientCount) {
            completed++;
            sendMore();
        }
    }
}
