package io.socketee.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The kernel's view of one loopback TCP connection, both ends, from {@code /proc/net/tcp} and
 * {@code /proc/net/tcp6}: its state and the bytes waiting in each socket's queues. This is how
 * the generator sees a connection it never reads: whether the server still holds its end open,
 * and how much of what the server wrote sits in the kernel. Stateless.
 */
final class TcpSockets {
    /** The kernel's state number for an established connection ({@code TCP_ESTABLISHED}). */
    static final int ESTABLISHED = 1;
    /** {@code TCP_TIME_WAIT}: what is left of an earlier connection that used the same ports. */
    private static final int TIME_WAIT = 6;

    private static final Path[] TABLES = {Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6")};

    private TcpSockets() {
    }

    /**
     * One socket's line.
     *
     * @param state the kernel's TCP state number (1 established, 4 FIN_WAIT1, 7 closed, 8 CLOSE_WAIT, ...)
     * @param txQueue bytes written and not yet acknowledged by the peer (sent or still in the send buffer)
     * @param rxQueue bytes received and not yet read by the socket's owner
     */
    record Entry(int state, long txQueue, long rxQueue) {
    }

    /** Both ends of one connection; an end the kernel no longer lists is empty. */
    record Connection(Optional<Entry> client, Optional<Entry> server) {
        /** Whether the server's end has left the established state (closed, closing or gone). */
        boolean closedByServer() {
            return server.map(e -> e.state() != ESTABLISHED).orElse(true)
                    || client.map(e -> e.state() != ESTABLISHED).orElse(false);
        }

        /** What the server wrote that the kernel holds: unread at the client, unacknowledged at the server. */
        long heldForClient() {
            return client.map(Entry::rxQueue).orElse(0L) + server.map(Entry::txQueue).orElse(0L);
        }

        /** What the client wrote that the server's application has not read yet. */
        long unreadByServer() {
            return client.map(Entry::txQueue).orElse(0L) + server.map(Entry::rxQueue).orElse(0L);
        }
    }

    /** The connection from local port {@code clientPort} to the server's {@code serverPort}, both ends. */
    static Connection connection(int clientPort, int serverPort) {
        String filter = String.format(Locale.ROOT, ":%04X ", serverPort); // a cheap test before parsing
        Optional<Entry> client = Optional.empty();
        Optional<Entry> server = Optional.empty();
        for (Path table : TABLES) {
            for (String line : read(table).split("\n")) {
                if (line.contains(filter)) {
                    client = client.or(() -> parse(line, clientPort, serverPort));
                    server = server.or(() -> parse(line, serverPort, clientPort));
                }
            }
        }
        return new Connection(client, server);
    }

    /**
     * Parses one line of the table ({@code sl local rem st tx:rx ...}, addresses and numbers in
     * hexadecimal) if its local and remote ports are the ones given and it is not what is left
     * of an earlier connection ({@code TIME_WAIT}).
     */
    static Optional<Entry> parse(String line, int localPort, int remotePort) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 5 || !f[0].endsWith(":") || port(f[1]) != localPort || port(f[2]) != remotePort) {
            return Optional.empty();
        }
        int state = Integer.parseInt(f[3], 16);
        if (state == TIME_WAIT) {
            return Optional.empty();
        }
        String[] queues = f[4].split(":");
        return Optional.of(new Entry(state, Long.parseLong(queues[0], 16),
                Long.parseLong(queues[1], 16)));
    }

    private static int port(String address) {
        int colon = address.lastIndexOf(':');
        return colon < 0 ? -1 : Integer.parseInt(address.substring(colon + 1), 16);
    }

    private static String read(Path table) {
        try {
            return Files.readString(table);
        } catch (NoSuchFileException e) {
            return "";   // no IPv6 in this kernel
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
