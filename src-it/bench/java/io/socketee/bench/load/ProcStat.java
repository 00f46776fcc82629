package io.socketee.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Reads CPU time and memory of processes and cores from Linux {@code /proc}. Stateless. */
final class ProcStat {
    /** Clock ticks per second of /proc times (USER_HZ, 100 on every Linux we know). */
    static final long HZ = 100;

    private ProcStat() {
    }

    /** CPU time of a whole process (all its threads), in microseconds: in all, and in the kernel alone. */
    record CpuTimes(long totalMicros, long kernelMicros) {
    }

    /** utime + stime of a whole process (all its threads), in microseconds. */
    static long cpuMicros(long pid) {
        return cpuTimes(pid).totalMicros();
    }

    /**
     * utime + stime, and stime alone (time spent in the kernel on the process's behalf: system
     * calls, its share of the TCP stack), from one reading.
     */
    static CpuTimes cpuTimes(long pid) {
        String[] f = statFields(pid);
        long user = Long.parseLong(f[11]) * (1_000_000 / HZ);
        long kernel = Long.parseLong(f[12]) * (1_000_000 / HZ);
        return new CpuTimes(user + kernel, kernel);
    }

    /** The fields of /proc/pid/stat after "pid (comm) ": f[0] is field 3 (state), utime field 14 is f[11], stime f[12]. */
    private static String[] statFields(long pid) {
        String stat = read(Path.of("/proc", String.valueOf(pid), "stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    /**
     * Context switches (voluntary and not) of every live thread of a process, by thread id: each
     * thread hand-off (a wake-up through a lock, a queue or a selector) shows here. Compare two
     * readings with {@link #switchesSince}.
     */
    static Map<String, Long> threadSwitches(long pid) {
        Path tasks = Path.of("/proc", String.valueOf(pid), "task");
        Map<String, Long> out = new HashMap<>();
        try (Stream<Path> all = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) all::iterator) {
                String status;
                try {
                    status = Files.readString(task.resolve("status"));
                } catch (IOException gone) {
                    continue; // the thread ended meanwhile
                }
                long sum = 0;
                for (String line : status.split("\n")) {
                    if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
                        sum += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                    }
                }
                out.put(task.getFileName().toString(), sum);
            }
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("process gone: " + tasks, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * The context switches between two readings: for each thread alive at the second, its count
     * minus its count at the first (0 for a thread born since). A thread that ended in between
     * takes its switches with it, so this may undercount a shrinking pool, never go negative.
     */
    static long switchesSince(Map<String, Long> before, Map<String, Long> now) {
        long sum = 0;
        for (Map.Entry<String, Long> e : now.entrySet()) {
            sum += Math.max(0, e.getValue() - before.getOrDefault(e.getKey(), 0L));
        }
        return sum;
    }

    /** Resident set size of a process, in bytes. */
    static long rssBytes(long pid) {
        for (String line : read(Path.of("/proc", String.valueOf(pid), "status")).split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }

    /** {busy, total} jiffies of one core since boot, from /proc/stat. */
    static long[] core(int cpu) {
        for (String line : read(Path.of("/proc/stat")).split("\n")) {
            if (line.startsWith("cpu" + cpu + " ")) {
                String[] f = line.trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < f.length && i <= 8; i++) {
                    total += Long.parseLong(f[i]);
                }
                long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
                return new long[] {total - idle, total};
            }
        }
        throw new IllegalStateException("no cpu" + cpu + " in /proc/stat");
    }

    /** The 1, 5 and 15 minute load averages, as /proc/loadavg words them. */
    static String loadAverage() {
        String[] f = read(Path.of("/proc/loadavg")).split(" ");
        return f[0] + " " + f[1] + " " + f[2];
    }

    /** The cores this process may run on, as /proc/self/status words them. */
    static String allowedCpus() {
        return allowedCpus("self");
    }

    /** The cores process {@code pid} may run on. */
    static String allowedCpus(String pid) {
        for (String line : read(Path.of("/proc", pid, "status")).split("\n")) {
            if (line.startsWith("Cpus_allowed_list:")) {
                return line.substring(18).trim();
            }
        }
        return "?";
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("process gone: " + path, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
