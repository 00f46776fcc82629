package io.socketee.bench.load;

import java.util.Map;

/**
 * S3: a connection storm of Socket.IO (or raw) WebSocket clients, then the server's resident
 * memory and live heap (after a full GC) per connection, measured while they are all connected.
 */
final class StormScenario extends Scenario {
    @Override
    Map<String, Double> run(Context ctx) {
        int n = ctx.options().integer("s3.connections");
        int concurrency = ctx.options().integer("s3.concurrency");
        ServerProcess server = ctx.server();
        long rss0 = server.rssBytes();
        ServerProcess.Heap heap0 = server.liveHeap();
        try (Loop loop = ctx.loop()) {
            long deadline = ctx.deadline();
            ctx.meter().start();
            openAll(loop, n, concurrency, () -> new WsClient(loop, ctx.wire(), this).open(), deadline);
            ctx.meter().stop(n, "connection", "S3", metrics);
            loop.idle(500_000_000L);     // heartbeats keep flowing meanwhile
            long rss1 = server.rssBytes();
            ServerProcess.Heap heap1 = server.liveHeap();
            await(loop, () -> ready == n, deadline, null);
            metrics.put("S3 connections/s", n / ctx.meter().seconds());
            metrics.put("S3 RSS KiB/connection", (rss1 - rss0) / 1024.0 / n);
            metrics.put("S3 live heap KiB/connection", (heap1.total() - heap0.total()) / 1024.0 / n);
            if (heap1.own() >= 0) {
                metrics.put("S3 io.socketee heap B/connection", (heap1.own() - heap0.own()) / (double) n);
            }
        }
        return metrics;
    }
}
