package io.socketee.internal.transport.websocket;

import io.socketee.internal.engine.WebSocketChannel;
import jakarta.websocket.CloseReason;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A {@link WebSocketChannel} over a Jakarta {@link Session} that issues one write at a time, in
 * call order. Open Liberty silently loses frames written concurrently, so every write to a
 * session goes through here. Two ways of writing:
 *
 * <ul>
 * <li><b>asynchronous</b> (the default): the next frame goes out only from the previous write's
 * completion; a send never blocks.
 * <li><b>direct</b> ({@code socketio.directWrites}): {@link #flush} writes the queued frames with
 * the blocking remote on the calling thread. On Open Liberty every asynchronous send is queued to
 * its write selector and completed on another thread (two hand-offs per frame, the largest cost
 * of a fan-out in the profile), while a blocking send writes to the socket at once. The price: a
 * peer that stops reading blocks the thread that flushes to it until it reads again or the TCP
 * connection fails (Liberty's blocking send has no timeout), so it is for trusted clients only.
 * </ul>
 *
 * <p>Thread-safe. The send methods only enqueue (asynchronous mode also starts the first write);
 * in direct mode the caller that found the queue idle must call {@link #flush} once it holds no
 * lock, and whichever thread flushes next writes everything queued, in order. The queue is
 * bounded; a peer that stops reading until {@code maxQueuedFrames} pile up is disconnected (close
 * code 1008).
 */
final class SerialSender implements WebSocketChannel {
    private static final Logger LOG = Logger.getLogger(SerialSender.class.getName());

    private record Close(int code, String reason) {
    }

    private enum Pending { WAITING, DONE, CALLER_LEFT }

    private final Session session;
    private final int maxQueuedFrames;
    private final boolean direct;
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    /** Frames queued or being written; the thread that raises it from 0 owns the writing. */
    private final AtomicInteger wip = new AtomicInteger();
    /** Direct mode: frames wait for a {@link #flush} (set when wip left 0, cleared by the flusher). */
    private final AtomicBoolean flushDue = new AtomicBoolean();
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
     * @param maxQueuedFrames how many frames may wait for a slow peer before it is dropped
     * @param direct whether {@link #flush} writes with the blocking remote (see the class comment)
     */
    SerialSender(Session session, int maxQueuedFrames, boolean direct) {
        this.session = session;
        this.maxQueuedFrames = maxQueuedFrames;
        this.direct = direct;
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
    public void close(int code, String reason) {
        enqueue(new Close(code, reason.length() > 120 ? reason.substring(0, 120) : reason));
    }

    @Override
    public void flush() {
        if (direct && flushDue.compareAndSet(true, false)) {
            writeQueued();
        }
    }

    private void enqueue(Object frame) {
        if (closed) {
            return;
        }
        Object next = frame;
        if (wip.get() > maxQueuedFrames && !(frame instanceof Close)) {
            LOG.warning(() -> "WebSocket " + session.getId() + ": peer too slow, closing");
            closed = true;
            if (!direct) {
                closeNow(new Close(1008, "outbound queue full"));
                return;
            }
            // a direct write to this peer may be blocked right now: the flusher closes after it
            next = new Close(1008, "outbound queue full");
        }
        queue.add(next);
        if (wip.getAndIncrement() == 0) {
            if (direct) {
                flushDue.set(true);
            } else {
                drain();
            }
        }
    }

    /** Direct mode: writes frames with the blocking remote until none is left. */
    private void writeQueued() {
        do {
            Object frame = queue.poll();
            if (frame instanceof Close c) {
                end(c);
                return;
            }
            if (!closed && frame != null) {
                writeBlocking(frame);
            }
        } while (wip.decrementAndGet() > 0);
    }

    /** Closes with {@code c} and drops what waits; the writing loop stops for good. */
    private void end(Close c) {
        closed = true;
        closeNow(c);
        queue.clear();
    }

    private void writeBlocking(Object frame) {
        try {
            send(frame, null);
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    /** Sends one frame, blocking when {@code done} is null, with the Tyrus context class loader. */
    private void send(Object frame, SendHandler done) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        if (sendLoader != null) {
            thread.setContextClassLoader(sendLoader);
        }
        try {
            if (done == null && frame instanceof String s) {
                session.getBasicRemote().sendText(s);
            } else if (done == null) {
                session.getBasicRemote().sendBinary(ByteBuffer.wrap((byte[]) frame));
            } else if (frame instanceof String s) {
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

    /** Asynchronous mode: sends frames until one completes later; its completion resumes the loop. */
    private void drain() {
        do {
            Object frame = queue.poll();
            if (frame instanceof Close c) {
                end(c);
                return;
            }
            if (closed || frame == null) {
                continue;
            }
            AtomicReference<Pending> state = new AtomicReference<>(Pending.WAITING);
            SendHandler done = result -> {
                onResult(result);
                if (!state.compareAndSet(Pending.WAITING, Pending.DONE)) {
                    resume();
                }
            };
            try {
                send(frame, done);
            } catch (IOException | RuntimeException e) {
                fail(e);
                continue;
            }
            if (state.compareAndSet(Pending.WAITING, Pending.CALLER_LEFT)) {
                return;
            }
        } while (wip.decrementAndGet() > 0);
    }

    private void resume() {
        if (wip.decrementAndGet() > 0) {
            drain();
        }
    }

    private void onResult(SendResult result) {
        if (!result.isOK()) {
            fail(result.getException());
        }
    }

    private void fail(Throwable e) {
        LOG.log(Level.FINE, "WebSocket " + session.getId() + ": write failed", e);
        closed = true;
        closeNow(new Close(1011, "write failed"));
    }

    private void closeNow(Close c) {
        try {
            if (session.isOpen()) {
                session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(c.code()), c.reason()));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "WebSocket close failed", e);
        }
    }
}
