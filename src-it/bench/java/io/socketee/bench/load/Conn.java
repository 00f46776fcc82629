package io.socketee.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/**
 * One TCP connection of the load generator: queued non-blocking writes and a growable read
 * buffer that subclasses parse. Confined to the {@link Loop} thread.
 */
abstract class Conn {
    private static final int MAX_BUFFER = 16 << 20;

    private SocketChannel channel;
    private SelectionKey key;
    private final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
    private ByteBuffer in = ByteBuffer.allocate(4096);
    private boolean closed;
    private boolean reading = true;
    private int receiveBuffer;

    final void attach(SocketChannel channel, SelectionKey key) {
        this.channel = channel;
        this.key = key;
    }

    final boolean isClosed() {
        return closed;
    }

    /** Asks for a socket receive buffer of {@code bytes} (SO_RCVBUF), before {@link Loop#connect}; 0: the system's. */
    final void receiveBuffer(int bytes) {
        receiveBuffer = bytes;
    }

    final int receiveBuffer() {
        return receiveBuffer;
    }

    /** The local port of the connection, for finding it in the kernel's socket tables. */
    final int localPort() {
        try {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Never reads the socket again: what the server sends stays in the kernel's buffers, then in the server. */
    final void stopReading() {
        reading = false;
        if (key != null && key.isValid()) {
            key.interestOps(key.interestOps() & ~SelectionKey.OP_READ);
        }
    }

    /** Whether every queued write has gone to the kernel. */
    final boolean flushed() {
        return out.isEmpty();
    }

    /** Bytes queued here, not yet taken by the kernel. */
    final long queuedBytes() {
        long sum = 0;
        for (ByteBuffer b : out) {
            sum += b.remaining();
        }
        return sum;
    }

    /** Writes now if nothing is queued, else queues behind the rest. */
    final void write(ByteBuffer buffer) {
        if (closed) {
            return;
        }
        if (out.isEmpty()) {
            try {
                channel.write(buffer);
            } catch (IOException e) {
                fail("write: " + e.getMessage());
                return;
            }
            if (!buffer.hasRemaining()) {
                return;
            }
            key.interestOps(readInterest() | SelectionKey.OP_WRITE);
        }
        out.add(buffer);
    }

    final void onWritable() throws IOException {
        while (!out.isEmpty()) {
            ByteBuffer head = out.peek();
            channel.write(head);
            if (head.hasRemaining()) {
                return;
            }
            out.poll();
        }
        key.interestOps(readInterest());
    }

    private int readInterest() {
        return reading ? SelectionKey.OP_READ : 0;
    }

    final void onReadable() throws IOException {
        int n = channel.read(in);
        if (n < 0) {
            fail("closed by the server");
            return;
        }
        in.flip();
        consume(in);
        if (in.hasRemaining() && in.position() == 0 && in.limit() == in.capacity()) {
            if (in.capacity() >= MAX_BUFFER) {
                fail("message over " + MAX_BUFFER + " bytes");
                return;
            }
            ByteBuffer bigger = ByteBuffer.allocate(in.capacity() * 2);
            bigger.put(in);
            in = bigger;
        } else {
            in.compact();
        }
    }

    /** Ensures the read buffer can hold {@code bytes} at once (a message announced by its header). */
    final void reserve(int bytes) {
        if (bytes > MAX_BUFFER) {
            fail("message of " + bytes + " bytes");
        } else if (bytes > in.capacity()) {
            ByteBuffer bigger = ByteBuffer.allocate(Integer.highestOneBit(bytes) << 1);
            bigger.put(in);
            bigger.flip();
            in = bigger;
        }
    }

    /** Parses what it can of {@code buffer} (in read mode), leaving an incomplete tail unread. */
    abstract void consume(ByteBuffer buffer);

    abstract void onConnected();

    /** Closes the connection and reports why, once. */
    void fail(String why) {
        if (!closed) {
            close();
            onFailed(why);
        }
    }

    abstract void onFailed(String why);

    public final void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (key != null) {
            key.cancel();
        }
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
