package io.socketee.internal.protocol.msgpack;

import java.util.Arrays;

/**
 * A growing byte array that msgpack values are written into (the codec's own, as it uses no
 * {@code java.io}). Not thread-safe: one writer at a time.
 */
public final class ByteSink {
    private byte[] bytes;
    private int size;

    /** An empty sink with room for {@code capacity} bytes before it grows. */
    public ByteSink(int capacity) {
        bytes = new byte[Math.max(capacity, 16)];
    }

    /** Appends the low 8 bits of {@code b}. */
    public void write(int b) {
        room(1);
        bytes[size++] = (byte) b;
    }

    /** Appends every byte of {@code b}. */
    public void writeBytes(byte[] b) {
        room(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
    }

    /** A copy of what was written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void room(int n) {
        if (bytes.length - size < n) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
        }
    }
}
