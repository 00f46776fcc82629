package io.socketee.internal.transport.websocket;

import io.socketee.internal.engine.WebSocketChannel;
import jakarta.websocket.CloseReason;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A {@link WebSocketChannel} over a Jakarta {@link Session} that issues one asynchronous write at
 * a time, in call order: the next frame goes out only from the previous write's completion. Open
 * Liberty silently loses frames written concurrently, so every write to a session goes through
 * here. Heartbeats go ahead of queued messages ({@link #sendUrgentText}), so that a backlog never
 * makes a healthy client miss its ping. No method blocks its caller: sends only queue (the thread that finds the queue idle
 * starts the asynchronous write), and a close of the container's session, which on Open Liberty
 * waits for a pending write (seen: 6 s for a peer that stopped reading, and for ever when the
 * peer reads nothing at all), runs on the {@link SessionCloser}, never on the thread that asked
 * for it.
 *
 * <p>The sender keeps count of the bytes queued or in flight and of completed writes; the engine
 * reads both to drop a peer that does not read ({@link #abort}), which releases the queue at once.
 *
 * <p>Thread-safe.
 */
final class SerialSender implements WebSocketChannel {
    private static final Logger LOG = Logger.getLogger(SerialSender.class.getName());
    /** The longest close reason the WebSocket protocol allows is 123 bytes. */
    private static final int MAX_REASON = 120;

    private record Close(int code, String reason) {
    }

    private enum Pending { WAITING, DONE, CALLER_LEFT }

    private final Session session;
    private final SessionCloser closer;
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    /** Heartbeats, written before anything in {@link #queue}. */
    private final ConcurrentLinkedQueue<Object> urgent = new ConcurrentLinkedQueue<>();
    /** Frames queued (in either queue) or being written; the thread that raises it from 0 owns the writing. */
    private final AtomicInteger wip = new AtomicInteger();
    private final AtomicLong pendingBytes = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private volatile boolean closed;
    /**
     * The context class loader a send runs with on Tyrus (Payara), null elsewhere. Payara's Tyrus
     * reschedules the session's idle-timeout task on the managed scheduled executor at every
     * send, even with no idle timeout, and capturing the context for it searched the
     * application's class path (WebappClassLoader.getResources) each time: with the platform
     * class loader there it finds nothing to search. Measured: S2 server CPU per delivery on
     * Payara Micro 316 -> 170 us (one repetition each, same machine).
     */
    private final ClassLoader sendLoader;

    /**
     * @param closer runs the container's {@code Session.close}, which may block, and ends a
     *     close that does not
     */
    SerialSender(Session session, SessionCloser closer) {
        this.session = session;
        this.closer = closer;
        this.sendLoader = session.getClass().getName().startsWith("org.glassfish.tyrus.")
                ? ClassLoader.getPlatformClassLoader() : null;
    }

    @Override
    public void sendText(String text) {
        enqueue(text);
    }

    @Override
    public void sendBinary(byte[] data) {
        enqueue(data);
    }

    @Override
    public void sendUrgentText(String text) {
        enqueue(urgent, text);
    }

    @Override
    public void close(int code, String reason) {
        enqueue(new Close(code, reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason));
    }

    @Override
    public void abort(int code, String reason) {
        if (!closed) {
            end(new Close(code, reason));
        }
    }

    @Override
    public long pendingBytes() {
        return pendingBytes.get();
    }

    @Override
    public long progress() {
        return completed.get();
    }

    private static long size(Object frame) {
        return frame instanceof String s ? s.length() : frame instanceof byte[] b ? b.length : 0;
    }

    private void enqueue(Object frame) {
        enqueue(queue, frame);
    }

    private void enqueue(ConcurrentLinkedQueue<Object> into, Object frame) {
        if (closed) {
            return;
        }
        pendingBytes.addAndGet(size(frame));
        into.add(frame);
        if (wip.getAndIncrement() == 0) {
            drain();
        }
    }

    /** Sends frames until one completes later; its completion resumes the loop. */
    private void drain() {
        do {
            Object frame = urgent.poll();
            if (frame == null) {
                frame = queue.poll();
            }
            if (frame instanceof Close c) {
                end(c);
                continue;
            }
            if (closed || frame == null) {
                continue;
            }
            Write write = new Write(size(frame));
            try {
                send(frame, write);
            } catch (IOException | RuntimeException e) {
                fail(e);
                continue;
            }
            if (write.compareAndSet(Pending.WAITING, Pending.CALLER_LEFT)) {
                return;
            }
        } while (wip.decrementAndGet() > 0);
    }

    /**
     * One frame's write: its completion, and whether it came before {@link #drain} moved on
     * ({@code DONE}: the loop goes on) or after ({@code CALLER_LEFT}: the completion resumes it).
     * One object per frame, the state and the handler together.
     */
    private final class Write extends AtomicReference<Pending> implements SendHandler {
        private final long size;

        Write(long size) {
            super(Pending.WAITING);
            this.size = size;
        }

        @Override
        public void onResult(SendResult result) {
            SerialSender.this.onResult(result, size);
            if (!compareAndSet(Pending.WAITING, Pending.DONE)) {
                resume();
            }
        }
    }

    /** Sends one frame asynchronously, with the Tyrus context class loader. */
    private void send(Object frame, SendHandler done) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        if (sendLoader != null) {
            thread.setContextClassLoader(sendLoader);
        }
        try {
            if (frame instanceof String s) {
                session.getAsyncRemote().sendText(s, done);
            } else {
                session.getAsyncRemote().sendBinary(ByteBuffer.wrap((byte[]) frame), done);
            }
        } finally {
            if (sendLoader != null) {
                thread.setContextClassLoader(saved);
            }
        }
    }

    private void resume() {
        if (wip.decrementAndGet() > 0) {
            drain();
        }
    }

    private void onResult(SendResult result, long size) {
        if (!closed) {
            pendingBytes.addAndGet(-size);
        }
        completed.incrementAndGet();
        if (!result.isOK()) {
            fail(result.getException());
        }
    }

    private void fail(Throwable e) {
        LOG.log(Level.FINE, "WebSocket " + session.getId() + ": write failed", e);
        if (!closed) {
            end(new Close(1011, "write failed"));
        }
    }

    /** Stops writing for good: drops what waits and closes the container's session later. */
    private void end(Close c) {
        closed = true;
        queue.clear();
        urgent.clear();
        pendingBytes.set(0);
        closeLater(c);
    }

    /** Closes the container's session on the closer, never on this thread. */
    private void closeLater(Close c) {
        closer.closeLater(session, new CloseReason(CloseReason.CloseCodes.getCloseCode(c.code()), c.reason()));
    }
}
