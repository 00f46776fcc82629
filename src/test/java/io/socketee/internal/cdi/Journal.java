package io.socketee.internal.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bean the test beans write what happened to, in order, and the test reads it from, waiting
 * for each entry. Thread-safe.
 */
@ApplicationScoped
public class Journal {
    private final BlockingQueue<String> entries = new LinkedBlockingQueue<>();

    /** Notes that {@code what} happened. */
    public void add(String what) {
        entries.add(what);
    }

    /** The next entry, waiting up to {@link WsClient#WAIT} for it. */
    public String next() throws InterruptedException {
        String entry = entries.poll(WsClient.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (entry == null) {
            throw new AssertionError("nothing happened within " + WsClient.WAIT);
        }
        return entry;
    }
}
