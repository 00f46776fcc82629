package io.socketee.bench.load;

import java.net.InetSocketAddress;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cross-node broadcasts on a cluster of server nodes sharing a Redis (issue 17, item 6):
 * {@code cluster.clients} WebSocket clients spread evenly over the nodes (client {@code i} on
 * node {@code i mod n}) join one room; one client per node sends {@code fanout(room, payload)} in
 * turn, open loop at each fixed total rate of {@code cluster.rates} (broadcasts per second, over
 * all senders) for {@code cluster.seconds}, after {@code cluster.warmupSeconds} at the first rate,
 * discarded. Every client gets every broadcast; a delivery is cross-node when the client is on
 * another node than the sender, so it went through Redis. Latency counts from the broadcast's
 * scheduled send time. Over each window it reads the CPU of every node and of Redis from
 * {@code /proc} (Redis: {@code INFO cpu}), and before them, for {@code cluster.idleSeconds},
 * what they use with every client connected and nothing sent. The context's meter is not used
 * (it measures one server). A fresh instance per run; confined to the runner's thread.
 */
final class ClusterScenario extends Scenario {
    private static final String ROOM = "bench";

    private final String label;
    private final ClusterNodes cluster;
    private final BenchRedis redis;
    private final Map<Client, Integer> nodeOf = new IdentityHashMap<>();
    private List<ServerProcess> nodes;
    private Client[] senders;
    private int clientCount;
    private int joined;
    private long nextSeq;
    private Window window;
    private double idleServers; // CPU share of a core used with nothing sent: all the nodes
    private double idleRedis;   // and Redis

    /** @param label the rows' prefix: adapter and number of nodes */
    ClusterScenario(String label, ClusterNodes cluster, BenchRedis redis) {
        this.label = label;
        this.cluster = cluster;
        this.redis = redis;
    }

    /** One window of broadcasts at a fixed rate and what the clients got; confined to the loop's thread. */
    private final class Window {
        final long firstSeq = nextSeq;
        final long count;
        final double interval;
        final long start = now() + 50_000_000L;
        final long end;
        final Samples cross = new Samples();
        final Samples same = new Samples();
        long sent;
        long inWindow;
        long crossInWindow;
        long total;

        Window(int rate, int seconds) {
            count = (long) rate * seconds;
            interval = 1e9 / rate;
            end = start + seconds * 1_000_000_000L;
            nextSeq += count;
        }

        /** Sends every broadcast whose time has come, each from the next node's sender. */
        void sendDue() {
            long t = now();
            while (sent < count) {
                long at = start + (long) (sent * interval);
                if (at - t > 0) {
                    return;
                }
                long seq = firstSeq + sent++;
                senders[(int) (seq % senders.length)].fanout(ROOM, at, seq);
            }
        }
    }

    @Override
    Map<String, Double> run(Context ctx) {
        Options o = ctx.options();
        nodes = cluster.list();
        int n = nodes.size();
        clientCount = o.integer("cluster.clients");
        List<Integer> rates = o.list("cluster.rates").stream().map(Integer::valueOf).toList();
        int seconds = o.integer("cluster.seconds");
        int drain = o.integer("cluster.drainSeconds");
        long deadline = now() + (o.integer("scenarioTimeoutSeconds") + o.integer("cluster.warmupSeconds")
                + (long) rates.size() * (seconds + drain)) * 1_000_000_000L;
        try (Loop loop = ctx.loop()) {
            int[] opened = {0};
            Client[] clients = openAll(loop, clientCount, 100, () -> {
                int node = opened[0]++ % n;
                Client c = new WsClient(loop, ctx.wire(), this,
                        new InetSocketAddress(o.str("host"), nodes.get(node).port())).open();
                nodeOf.put(c, node);
                return c;
            }, deadline);
            for (Client c : clients) {
                c.join(ROOM);
            }
            await(loop, () -> joined == clientCount, deadline, null);
            senders = new Client[n];
            System.arraycopy(clients, 0, senders, 0, n); // client j is on node j
            measureIdle(loop, o.integer("cluster.idleSeconds"));
            if (o.integer("cluster.warmupSeconds") > 0) {
                window = new Window(rates.get(0), o.integer("cluster.warmupSeconds"));
                await(loop, () -> now() - window.end >= 0, deadline, window::sendDue);
                awaitDrain(loop, drain, deadline);
            }
            for (int rate : rates) {
                measure(loop, o, rate, seconds, drain, deadline);
            }
        }
        return metrics;
    }

    /**
     * The CPU the nodes and Redis use per second with every client connected and nothing sent
     * (heartbeats, timers, Redis's serverCron), so that what a broadcast costs Redis can be told
     * apart from what Redis costs anyway.
     */
    private void measureIdle(Loop loop, int seconds) {
        long servers0 = cluster.cpuMicros();
        long redis0 = redis.cpuMicros();
        long wall0 = now();
        loop.idle(seconds * 1_000_000_000L);
        double wallMicros = (now() - wall0) / 1000.0;
        idleServers = (cluster.cpuMicros() - servers0) / wallMicros;
        idleRedis = (redis.cpuMicros() - redis0) / wallMicros;
        metrics.put(label + ", idle: servers core %", 100.0 * idleServers);
        metrics.put(label + ", idle: Redis core %", 100.0 * idleRedis);
    }

    private void measure(Loop loop, Options o, int rate, int seconds, int drain, long deadline) {
        int generatorCpu = o.integer("generatorCpu");
        long self = ProcessHandle.current().pid();
        window = new Window(rate, seconds);
        long servers0 = cluster.cpuMicros();
        long redis0 = redis.cpuMicros();
        long gen0 = ProcStat.cpuMicros(self);
        long[] core0 = ProcStat.core(generatorCpu);
        long wall0 = now();
        await(loop, () -> now() - window.end >= 0, deadline, window::sendDue);
        double wallMicros = (now() - wall0) / 1000.0;
        long servers = cluster.cpuMicros() - servers0;
        long redisCpu = redis.cpuMicros() - redis0;
        long gen = ProcStat.cpuMicros(self) - gen0;
        long[] core1 = ProcStat.core(generatorCpu);
        long inWindow = window.inWindow;
        long sent = window.sent;
        awaitDrain(loop, drain, deadline);
        String p = label + ", " + rate + "/s";
        metrics.put(p + " deliveries/s", inWindow / (double) seconds);
        metrics.put(p + " cross-node deliveries/s", window.crossInWindow / (double) seconds);
        metrics.put(p + " delivered %", 100.0 * window.total / (window.count * (double) clientCount));
        metrics.put(p + " cross-node p50 ms", window.cross.percentileMicros(50) / 1000);
        metrics.put(p + " cross-node p99 ms", window.cross.percentileMicros(99) / 1000);
        metrics.put(p + " same-node p50 ms", window.same.percentileMicros(50) / 1000);
        metrics.put(p + " servers CPU µs/delivery", inWindow == 0 ? Double.NaN : servers / (double) inWindow);
        metrics.put(p + " servers core %", 100.0 * servers / wallMicros);
        metrics.put(p + " Redis CPU µs/broadcast", sent == 0 ? Double.NaN : redisCpu / (double) sent);
        metrics.put(p + " Redis CPU µs/broadcast above idle", sent == 0 ? Double.NaN
                : (redisCpu - idleRedis * wallMicros) / sent);
        metrics.put(p + " Redis core %", 100.0 * redisCpu / wallMicros);
        metrics.put(p + " generator process %", 100.0 * gen / wallMicros);
        long coreTotal = core1[1] - core0[1];
        metrics.put(p + " generator core %", coreTotal == 0 ? Double.NaN : 100.0 * (core1[0] - core0[0]) / coreTotal);
    }

    /** Waits until every client has every broadcast of the window, or {@code seconds} have passed. */
    private void awaitDrain(Loop loop, int seconds, long deadline) {
        long expected = window.count * clientCount;
        long until = now() + seconds * 1_000_000_000L;
        await(loop, () -> window.total == expected || now() - until > 0, deadline, null);
    }

    @Override
    public void onAck(Client client, long stamp) {
        joined++;
    }

    @Override
    public void onFan(Client client, long stamp, long seq) {
        if (window == null || seq < window.firstSeq) {
            return; // late from an earlier window
        }
        long t = now();
        boolean cross = nodeOf.get(client) != (int) (seq % senders.length);
        (cross ? window.cross : window.same).add(t - stamp);
        window.total++;
        if (t - window.end < 0) {
            window.inWindow++;
            if (cross) {
                window.crossInWindow++;
            }
        }
    }
}
