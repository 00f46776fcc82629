package io.socketee.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Iterator;
import java.util.function.BooleanSupplier;

/**
 * The load generator's one event loop: a single NIO selector that drives every connection to one
 * loopback target (or to several: the nodes of a cluster), on the thread that calls
 * {@link #run}. Not thread-safe: everything a scenario
 * does happens on that thread, inside {@link #run} callbacks or between runs.
 */
final class Loop implements AutoCloseable {
    private final Selector selector;
    private final InetSocketAddress target;
    private final int maxConnections;
    private int opened;

    Loop(String host, int port, int maxConnections) {
        this.target = new InetSocketAddress(host, port);
        if (!target.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("loopback targets only: " + target);
        }
        this.maxConnections = maxConnections;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    InetSocketAddress target() {
        return target;
    }

    /** Opens a non-blocking connection for {@code conn}; its {@code onConnected} follows from {@link #run}. */
    void connect(Conn conn) {
        connect(conn, target);
    }

    /** As {@link #connect(Conn)}, to another loopback port (a cluster's other nodes). */
    void connect(Conn conn, InetSocketAddress to) {
        if (!to.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("loopback targets only: " + to);
        }
        if (++opened > maxConnections) {
            throw new IllegalStateException("more than maxConnections=" + maxConnections + " in one run");
        }
        try {
            SocketChannel ch = SocketChannel.open();
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            if (conn.receiveBuffer() > 0) {
                ch.setOption(StandardSocketOptions.SO_RCVBUF, conn.receiveBuffer()); // before connect: sets the window
            }
            boolean done = ch.connect(to);
            SelectionKey key = ch.register(selector, done ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, conn);
            conn.attach(ch, key);
            if (done) {
                conn.onConnected();
            }
        } catch (IOException e) {
            conn.fail("connect: " + e.getMessage());
        }
    }

    /**
     * Runs the loop until {@code done} holds, calling {@code tick} (if any) on every turn.
     *
     * @throws IllegalStateException when {@code deadlineNanos} (a {@link System#nanoTime()}) passes first
     */
    void run(BooleanSupplier done, long deadlineNanos, Runnable tick) {
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new IllegalStateException("scenario deadline passed");
            }
            if (tick != null) {
                tick.run();
            }
            select(tick == null ? 5 : 1);
        }
    }

    /** Runs the loop for a while, whatever happens. */
    void idle(long nanos) {
        long end = System.nanoTime() + nanos;
        run(() -> System.nanoTime() - end > 0, end + 1_000_000_000L, null);
    }

    private void select(long timeoutMillis) {
        try {
            selector.select(timeoutMillis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Iterator<SelectionKey> it = selector.selectedKeys().iterator();
        while (it.hasNext()) {
            SelectionKey key = it.next();
            it.remove();
            Conn conn = (Conn) key.attachment();
            if (!key.isValid()) {
                continue;
            }
            try {
                if (key.isConnectable() && ((SocketChannel) key.channel()).finishConnect()) {
                    key.interestOps(SelectionKey.OP_READ);
                    conn.onConnected();
                }
                if (key.isValid() && key.isWritable()) {
                    conn.onWritable();
                }
                if (key.isValid() && key.isReadable()) {
                    conn.onReadable();
                }
            } catch (IOException | RuntimeException e) {
                conn.fail(e.toString());
            }
        }
    }

    @Override
    public void close() {
        for (SelectionKey key : selector.keys()) {
            ((Conn) key.attachment()).close();
        }
        try {
            selector.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
