package io.socketee.bench.load;

import java.util.Map;

/**
 * S2 (WebSocket clients, the sender one of them), S5 (polling-only clients, the sender a
 * separate WebSocket client) and S6 (S2, then S2 again with one more client in the room that
 * stops reading): clients in one room, broadcasts with a bounded number in flight; a broadcast
 * is done when every client that reads has it.
 */
final class FanoutScenario extends Scenario {
    /** Which of the three. */
    enum Kind {
        /** S2. */
        WEBSOCKET("S2", "s2."),
        /** S5. */
        POLLING("S5", "s5."),
        /** S6: S2's clients and sizes, without and with a stalled client. */
        WEBSOCKET_STALLED("S6", "s2.");

        final String id;
        final String sizes;

        Kind(String id, String sizes) {
            this.id = id;
            this.sizes = sizes;
        }
    }

    private static final String ROOM = "bench";
    /** S6's row prefix for the window with the stalled client. */
    private static final String STALLED = " stalled:";

    private final Kind kind;
    private int clientCount;
    private int broadcasts;
    private int inFlight;
    private int joined;
    private Client sender;
    private Window window;

    FanoutScenario(Kind kind) {
        this.kind = kind;
    }

    /** One run of the broadcasts and what the reading clients got; confined to the loop's thread. */
    private final class Window {
        final Samples samples = new Samples();
        final int[] delivered = new int[broadcasts];
        int sent;
        int completed;
        long deliveries;

        void sendMore() {
            while (sent < broadcasts && sent - completed < inFlight) {
                sender.fanout(ROOM, now(), sent++);
            }
        }
    }

    @Override
    Map<String, Double> run(Context ctx) {
        Options o = ctx.options();
        clientCount = o.integer(kind.sizes + "clients");
        broadcasts = o.integer(kind.sizes + "broadcasts");
        inFlight = o.integer(kind.sizes + "inFlight");
        boolean polling = kind == Kind.POLLING;
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
            broadcast(loop, ctx, kind.id, deadline);
            if (kind == Kind.WEBSOCKET_STALLED) {
                withStalledClient(loop, ctx, deadline);
            }
        }
        return metrics;
    }

    /** Runs the broadcasts once, measured, and adds the figures under {@code prefix}. */
    private void broadcast(Loop loop, Context ctx, String prefix, long deadline) {
        window = new Window();
        ctx.meter().start();
        await(loop, () -> window.completed == broadcasts, deadline, window::sendMore);
        ctx.meter().stop(window.deliveries, "delivery", prefix, metrics);
        metrics.put(prefix + " deliveries/s", window.deliveries / ctx.meter().seconds());
        metrics.put(prefix + " p50 ms", window.samples.percentileMicros(50) / 1000);
        metrics.put(prefix + " p99 ms", window.samples.percentileMicros(99) / 1000);
    }

    /**
     * S6's second half: one more client joins and stops reading, then the same broadcasts run
     * again for the same clients; then the server has {@code s6.dropWaitSeconds} more to drop the
     * stalled client (the healthy ones stay connected meanwhile).
     */
    private void withStalledClient(Loop loop, Context ctx, long deadline) {
        Options o = ctx.options();
        StalledClient stalled = new StalledClient(loop, ctx.wire(), ctx.server().port(),
                o.integer("s6.stalledReceiveBuffer"), Long.parseLong(o.str("s6.stallBytes")), ROOM);
        await(loop, stalled::joined, deadline, null);
        stalled.stall();
        await(loop, stalled::requestsRead, deadline, null);
        StalledClient.Backlog backlog = stalled.backlog();
        String prefix = kind.id + STALLED;
        broadcast(loop, ctx, prefix, deadline);
        // within the scenario's own bound, which a failure would count against the whole server
        long dropDeadline = Math.min(now() + o.integer("s6.dropWaitSeconds") * 1_000_000_000L,
                deadline - 1_000_000_000L);
        await(loop, () -> stalled.dropped() || now() - dropDeadline > 0, deadline, null);
        String id = kind.id;
        metrics.put(id + " deliveries/s" + Report.STALLED_OVER_WITHOUT,
                metrics.get(prefix + " deliveries/s") / metrics.get(id + " deliveries/s"));
        metrics.put(id + " p99" + Report.STALLED_OVER_WITHOUT, metrics.get(prefix + " p99 ms") / metrics.get(id + " p99 ms"));
        metrics.put(id + " stalled client, kernel holds KiB", backlog.inKernel() / 1024.0);
        metrics.put(id + " stalled client, server holds MiB", backlog.inServer() / 1048576.0);
        metrics.put(id + Report.DROPPED_AFTER, stalled.droppedAfterSeconds());
    }

    @Override
    public void onAck(Client client, long stamp) {
        joined++;
    }

    @Override
    public void onFan(Client client, long stamp, long seq) {
        window.samples.add(now() - stamp);
        window.deliveries++;
        if (++window.delivered[(int) seq] == clientCount) {
            window.completed++;
            window.sendMore();
        }
    }
}
