package io.socketee.internal.transport.polling;

import io.socketee.internal.engine.PostBody;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Reads one POST body with the Servlet non-blocking API: the container calls back as bytes
 * arrive, so a client that sends slowly, or never finishes, holds no thread, only what it sent.
 * Past {@code max} bytes it stops reading and reports {@link PostBody#TOO_LARGE}; a read error,
 * the client going away or the request's async timeout report {@link PostBody.Broken}.
 *
 * <p>Once the outcome is reported the reader lets go of the body and of whom it reported to: a
 * container may keep its last request's listeners reachable from a thread (Open Liberty keeps the
 * last async context of each of its threads), and that must not pin a session.
 *
 * <p>Thread-safe: the container's read callbacks come one at a time, but the async listener's may
 * come meanwhile from another thread; the outcome is reported once, whoever gets there first
 * (the state is guarded by this object's monitor).
 */
final class BodyReader implements ReadListener, AsyncListener {
    /** What is buffered up front at most, whatever length the client announces. */
    private static final int INITIAL_BUFFER = 8192;
    private static final int CHUNK = 8192;

    private final ServletInputStream in;
    private final long max;
    private Consumer<PostBody> done;
    private boolean finished;
    private ByteArrayOutputStream body;
    private long total;
    private volatile boolean complete;

    BodyReader(ServletInputStream in, long max, long declared, Consumer<PostBody> done) {
        this.in = in;
        this.max = max;
        this.done = done;
        this.body = new ByteArrayOutputStream((int) Math.min(INITIAL_BUFFER, Math.max(declared, 64)));
    }

    /** Whether the body was read to its end (else the connection still carries the rest). */
    boolean readToTheEnd() {
        return complete;
    }

    @Override
    public synchronized void onDataAvailable() throws IOException {
        byte[] chunk = new byte[CHUNK];
        while (!finished && in.isReady()) {
            int n = in.read(chunk);
            if (n < 0) {
                return; // onAllDataRead follows
            }
            total += n;
            if (total > max) {
                finish(PostBody.TOO_LARGE);
                return;
            }
            body.write(chunk, 0, n);
        }
    }

    @Override
    public void onAllDataRead() {
        byte[] bytes;
        synchronized (this) {
            if (finished) {
                return;
            }
            complete = true;
            bytes = body.toByteArray();
        }
        finish(new PostBody.Received(bytes));
    }

    @Override
    public void onError(Throwable t) {
        finish(new PostBody.Broken(String.valueOf(t)));
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        finish(new PostBody.Broken("not complete within the deadline"));
    }

    @Override
    public void onError(AsyncEvent event) {
        onError(event.getThrowable());
    }

    @Override
    public void onComplete(AsyncEvent event) {
        // answered
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not used
    }

    /** Reports a failure to start reading. */
    void failed(Throwable t) {
        onError(t);
    }

    private void finish(PostBody outcome) {
        Consumer<PostBody> report;
        synchronized (this) {
            if (finished) {
                return;
            }
            finished = true;
            report = done;
            done = null;
            body = null;
        }
        report.accept(outcome);
    }
}
