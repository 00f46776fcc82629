package io.socketee.it.app;

import io.socketee.Ack;
import io.socketee.Args;
import io.socketee.Namespace;
import io.socketee.Socket;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * SocketEE-only events of the test contract for the slow-consumer tests (the reference server
 * has no output bounds to test): {@code flood(room, count, size, perSecond)} broadcasts
 * {@code count} "flood" events ({@code index, payload, sentAtMillis}) of {@code size} characters
 * to a room at a steady rate, from a thread of its own, and acknowledges with how long the emits took; {@code server-stats()}
 * acknowledges with the server's heap after a collection, its threads, its open file
 * descriptors, its resident memory and the sockets of the namespace; {@code mixed(socketId, count, size)} sends one
 * socket volatile and reliable events in turn.
 *
 * <p>Stateless and thread-safe.
 */
final class FloodProbe {

    private FloodProbe() {
    }

    static void install(Namespace nsp, Socket socket) {
        socket.on("flood", (s, args, ack) -> flood(nsp, args, ack));
        socket.on("server-stats", (s, args, ack) -> ack.ifPresent(a -> a.send(stats(nsp))));
        socket.on("mixed", (s, args, ack) -> mixed(nsp, args, ack));
    }

    /**
     * {@code mixed(socketId, count, size)}: sends that socket {@code count} pairs of a volatile "v"
     * and a reliable "r" event of {@code size} characters, as fast as the emits return.
     */
    private static void mixed(Namespace nsp, Args args, Optional<Ack> ack) {
        Socket target = nsp.sockets().get(String.valueOf(args.get(0)));
        int count = ((Number) args.get(1)).intValue();
        String payload = "x".repeat(((Number) args.get(2)).intValue());
        long start = System.nanoTime();
        long longest = 0;
        for (int i = 0; i < count && target != null; i++) {
            long before = System.nanoTime();
            target.asVolatile().emit("v", i, payload);
            target.emit("r", i, payload);
            longest = Math.max(longest, System.nanoTime() - before);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("totalMs", (System.nanoTime() - start) / 1_000_000);
        result.put("longestEmitMs", longest / 1_000_000.0);
        ack.ifPresent(a -> a.send(result));
    }

    private static void flood(Namespace nsp, Args args, Optional<Ack> ack) {
        String room = String.valueOf(args.get(0));
        int count = ((Number) args.get(1)).intValue();
        int size = ((Number) args.get(2)).intValue();
        int perSecond = ((Number) args.get(3)).intValue();
        String payload = "x".repeat(size);
        Thread flooder = new Thread(() -> {
            long start = System.nanoTime();
            long longest = 0;
            for (int i = 0; i < count; i++) {
                long due = start + i * 1_000_000_000L / perSecond;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                long before = System.nanoTime();
                nsp.to(room).emit("flood", i, payload, System.currentTimeMillis());
                longest = Math.max(longest, System.nanoTime() - before);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("totalMs", (System.nanoTime() - start) / 1_000_000);
            result.put("longestEmitMs", longest / 1_000_000.0);
            ack.ifPresent(a -> a.send(result));
        }, "it-flood");
        flooder.setDaemon(true);
        flooder.start();
    }

    private static Map<String, Object> stats(Namespace nsp) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        memory.gc();
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("heapBytes", memory.getHeapMemoryUsage().getUsed());
        stats.put("threads", ManagementFactory.getThreadMXBean().getThreadCount());
        stats.put("fds", openFileDescriptors());
        stats.put("rssBytes", residentBytes());
        stats.put("sockets", nsp.sockets().size());
        return stats;
    }

    /** The process's resident memory, from {@code /proc/self/status}; -1 where there is none. */
    private static long residentBytes() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024).findFirst().orElse(-1);
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static long openFileDescriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            return -1;
        }
    }
}
