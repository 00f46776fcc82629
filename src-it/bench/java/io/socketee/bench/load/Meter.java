package io.socketee.bench.load;

import java.util.Map;

/**
 * Measures one scenario's window: wall time, the server's CPU (utime + stime of its process, and
 * stime alone: the kernel's share) and its threads' context switches,
 * the generator's own CPU and the busy share of the generator's core. Confined to the runner's thread.
 */
final class Meter {
    private final ServerProcess server;
    private final int generatorCpu;
    private final long self = ProcessHandle.current().pid();
    private long wall0;
    private ProcStat.CpuTimes server0;
    private Map<String, Long> switches0;
    private long gen0;
    private long[] core0;
    private double seconds = Double.NaN;

    Meter(ServerProcess server, int generatorCpu) {
        this.server = server;
        this.generatorCpu = generatorCpu;
    }

    void start() {
        core0 = ProcStat.core(generatorCpu);
        gen0 = ProcStat.cpuMicros(self);
        server0 = server.cpuTimes();
        switches0 = server.threadSwitches();
        wall0 = System.nanoTime();
    }

    /**
     * Ends the window and adds its figures to {@code metrics} under {@code prefix}.
     *
     * @param ops what the scenario counts (round trips, deliveries, connections, acks)
     * @param unit the name of one op in the row titles
     */
    void stop(long ops, String unit, String prefix, Map<String, Double> metrics) {
        long wall = System.nanoTime() - wall0;
        ProcStat.CpuTimes server1 = server.cpuTimes();
        long serverCpu = server1.totalMicros() - server0.totalMicros();
        long kernelCpu = server1.kernelMicros() - server0.kernelMicros();
        long switches = ProcStat.switchesSince(switches0, server.threadSwitches());
        long genCpu = ProcStat.cpuMicros(self) - gen0;
        long[] core1 = ProcStat.core(generatorCpu);
        seconds = wall / 1e9;
        double wallMicros = wall / 1000.0;
        metrics.put(prefix + " server CPU µs/" + unit, ops == 0 ? Double.NaN : serverCpu / (double) ops);
        metrics.put(prefix + " of which kernel µs/" + unit, ops == 0 ? Double.NaN : kernelCpu / (double) ops);
        metrics.put(prefix + " server context switches/" + unit, ops == 0 ? Double.NaN : switches / (double) ops);
        metrics.put(prefix + " server core %", 100.0 * serverCpu / wallMicros);
        metrics.put(prefix + " generator process %", 100.0 * genCpu / wallMicros);
        long total = core1[1] - core0[1];
        metrics.put(prefix + " generator core %", total == 0 ? Double.NaN : 100.0 * (core1[0] - core0[0]) / total);
    }

    /** The last window's length in seconds. */
    double seconds() {
        return seconds;
    }
}
