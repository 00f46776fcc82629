package io.socketee.bench.load;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's parameters, from {@code key=value} command-line words; every size defaults to
 * the value of issue 7. Immutable and thread-safe.
 *
 * @param values every key with its value, defaults included
 */
record Options(Map<String, String> values) {
    private static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("servers", "socketee,socketee-inline,payara,wildfly,node,ws"); // in this order, one after the other
        d.put("scenarios", "S1,S2,S3,S4,S5,S6");
        d.put("reps", "3");
        d.put("warmup", "true");                      // one run of every scenario at warm-up sizes
        d.put("warmups", "1");                        // how many such runs (Liberty's JIT needs 4 for S5)
        d.put("jfr", "false");                        // record the JVM server after warm-up: <out>/socketee.jfr
        d.put("jfrSettings", "profile");              // JFR settings name or .jfc path (finer sampling: a copy of profile)
        d.put("host", "127.0.0.1");                   // loopback only
        d.put("port.socketee", "9580");
        d.put("port.node", "9581");
        d.put("port.ws", "9582");
        d.put("port.payara", "9583");                 // SocketEE on Payara Micro
        d.put("port.wildfly", "9584");                // SocketEE on WildFly
        d.put("wildflyManagementPort", "9585");
        d.put("port.socketee-inline", "9586");        // SocketEE on Liberty, inlineHandlers on
        d.put("serverCpu", "0");
        d.put("generatorCpu", "1");
        d.put("payloadBytes", "32");
        d.put("s1.roundTrips", "20000");
        d.put("s2.clients", "1000");
        d.put("s2.broadcasts", "200");
        d.put("s2.inFlight", "4");
        d.put("s3.connections", "5000");
        d.put("s3.concurrency", "100");               // handshakes under way at once
        d.put("s4.clients", "100");
        d.put("s4.rates", "2000,5000,10000,20000,30000,40000,60000");
        d.put("s4.seconds", "5");
        d.put("s4.reportRate", "40000");
        d.put("s4.p99LimitMs", "50");
        d.put("s5.clients", "500");
        d.put("s5.broadcasts", "200");
        d.put("s5.inFlight", "4");
        d.put("s6.stalledReceiveBuffer", "4096");     // SO_RCVBUF of S6's client that stops reading (S6 uses S2's sizes)
        d.put("s6.stallBytes", "8388608");            // echo replies it asks for once stalled: over loopback's ~4 MB of kernel buffers, under maxBufferedBytes
        d.put("s6.dropWaitSeconds", "40");            // how long after its broadcasts the server may take to drop it (0 in the warm-up)
        d.put("socketio.writeTimeout", "3000");       // ms, given to every SocketEE server (SOCKETIO_WRITETIMEOUT); empty: its default, 20 s
        d.put("warmupDivisor", "1");                  // warm-up sizes are the sizes divided by this
        d.put("scenarioTimeoutSeconds", "180");       // every scenario is bounded in time
        d.put("maxConnections", "20000");             // and in count
        d.put("startTimeoutSeconds", "180");
        d.put("restart.clients", "2000");             // RestartStorm: socket.io-client 4 clients connected when the server is killed
        d.put("restart.transports", "websocket");     // their transports (polling,websocket: the client's default)
        d.put("cluster.adapters", "redis,redis-streams,redis-sharded"); // ClusterBench: socketio.adapter values, Node's matching adapters
        d.put("cluster.servers", "socketee,node");    // ClusterBench: SocketEE on Liberty, the Node.js reference server
        d.put("cluster.nodes", "2,4");                // ClusterBench: cluster sizes, nodes added to reach each
        d.put("cluster.clients", "200");              // ClusterBench: WebSocket clients in the room, spread over the nodes
        d.put("cluster.rates", "50,200,400");         // ClusterBench: broadcasts per second (all senders), one window each; 400 x 200 clients is over one core
        d.put("cluster.seconds", "10");               // ClusterBench: one measured window
        d.put("cluster.warmupSeconds", "10");         // ClusterBench: at the first rate, discarded, before each size
        d.put("cluster.idleSeconds", "3");            // ClusterBench: CPU of the nodes and Redis with nothing sent, before the warm-up
        d.put("cluster.drainSeconds", "5");           // ClusterBench: wait for late deliveries after a window
        d.put("cluster.reps", "1");                   // ClusterBench: measured runs per size
        d.put("cluster.redisPort", "9887");           // ClusterBench: the one redis-server (redis, redis-streams)
        d.put("cluster.redisClusterPort", "9888");    // ClusterBench: the Redis Cluster's three masters, 9888-9890 (redis-sharded)
        d.put("cluster.redisClusterBusPort", "9895"); // ClusterBench: their cluster bus ports, 9895-9897
        d.put("cluster.nodePort", "9891");            // ClusterBench: node i on this + i - 1, 9891-9894 for four
        d.put("wlpHome", "");
        d.put("libertyServer", "perfbench");
        d.put("wildflyHome", "");                     // the unpacked WildFly distribution
        d.put("payaraJar", "");                       // payara-micro.jar
        d.put("payaraPreboot", "server-config/payara/pre-boot-commands.asadmin");
        d.put("benchWar", "");                        // the benchmark WAR, deployed at / on Payara and WildFly
        d.put("nodeDir", "src-it/bench/node");
        d.put("nodeModules", "src-it/node/node_modules");
        d.put("out", "target/bench");
        return d;
    }

    /**
     * Parses {@code key=value} words (an argument may hold several, separated by spaces) over the
     * defaults; refuses unknown keys and non-loopback hosts.
     */
    static Options parse(String[] args) {
        Map<String, String> v = new LinkedHashMap<>(DEFAULTS);
        for (String arg : String.join(" ", args).trim().split("\\s+")) {
            if (arg.isEmpty()) {
                continue;
            }
            int eq = arg.indexOf('=');
            if (eq < 1 || !DEFAULTS.containsKey(arg.substring(0, eq))) {
                throw new IllegalArgumentException("unknown option " + arg + "; known: " + DEFAULTS.keySet());
            }
            v.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        Options options = new Options(Map.copyOf(v));
        options.requireLoopback();
        return options;
    }

    private void requireLoopback() {
        try {
            if (!InetAddress.getByName(str("host")).isLoopbackAddress()) {
                throw new IllegalArgumentException("the load generator targets loopback only, not " + str("host"));
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + str("host"), e);
        }
    }

    String str(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no option " + key);
        }
        return value;
    }

    int integer(String key) {
        return Integer.parseInt(str(key));
    }

    boolean flag(String key) {
        return Boolean.parseBoolean(str(key));
    }

    List<String> list(String key) {
        return str(key).isBlank() ? List.of() : List.of(str(key).split(","));
    }

    Path path(String key) {
        return Path.of(str(key));
    }

    /** The output folder ({@code out}), created if missing. */
    Path outDir() {
        Path out = path("out");
        try {
            return java.nio.file.Files.createDirectories(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The warm-up: the same scenarios with their sizes divided by {@code warmupDivisor} (default 1,
     * a whole discarded repetition, which the JVM's JIT needs; at least 1 of everything), without
     * S6's wait for the drop of its stalled client.
     */
    Options warmup() {
        Map<String, String> v = new LinkedHashMap<>(values);
        int div = integer("warmupDivisor");
        for (String key : List.of("s1.roundTrips", "s2.clients", "s2.broadcasts", "s3.connections",
                "s4.seconds", "s5.clients", "s5.broadcasts")) {
            v.put(key, String.valueOf(Math.max(1, integer(key) / div)));
        }
        v.put("s6.dropWaitSeconds", "0");   // nothing is measured in the warm-up
        return new Options(Map.copyOf(v));
    }
}
