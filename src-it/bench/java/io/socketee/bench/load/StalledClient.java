package io.socketee.bench.load;

/**
 * S6's client that stops reading: a WebSocket client with a small socket receive buffer that joins
 * the room, then is never read again. So that the stall reaches the server's own output queue
 * and not only the kernel's buffers (on loopback the kernel takes about 4 MB for a peer that does
 * not read, far more than S2 sends one client), it then asks for {@code s6.stallBytes} of echo
 * replies, which pile up for it. The generator never sees its socket close (it does not read it),
 * so it watches the connection in the kernel's socket table instead. Confined to the
 * {@link Loop} thread.
 */
final class StalledClient {
    /**
     * What the server has written for this client and it has not read, in bytes: held by the
     * kernel (unread at the client, unacknowledged at the server) and waiting in the server's
     * application.
     */
    record Backlog(long inKernel, long inServer) {
    }

    /** The payload of each echo that fills the server's queue: under every server's message limit (1 MB). */
    private static final int FILL_PAYLOAD = 60_000;
    /** How often, at most, the kernel's socket table is read (it lists every connection of the machine). */
    private static final long PROBE_NANOS = 250_000_000L;

    private final WsClient client;
    private final int serverPort;
    private final long stallBytes;
    private boolean ready;
    private boolean joined;
    private String failure;
    private boolean stalled;
    private int localPort;
    private long stoppedAt;
    private long droppedAt = -1;
    private long lastProbe;
    private TcpSockets.Connection probed;

    /**
     * Opens the connection; {@link #joined} holds once it is in {@code room}.
     *
     * @param receiveBuffer the socket's SO_RCVBUF, in bytes
     * @param stallBytes the echo payload it asks for once it stops reading (0: none)
     */
    StalledClient(Loop loop, Wire wire, int serverPort, int receiveBuffer, long stallBytes, String room) {
        this.serverPort = serverPort;
        this.stallBytes = stallBytes;
        this.client = new WsClient(loop, new Wire(wire.socketIo(), FILL_PAYLOAD), new Listener() {
            @Override
            public void onReady(Client c) {
                ready = true;
                c.join(room);
            }

            @Override
            public void onAck(Client c, long stamp) {
                joined = true;
            }

            @Override
            public void onFailed(Client c, String why) {
                failure = why;
                if (stalled && droppedAt < 0) {
                    droppedAt = System.nanoTime();   // seen by the generator itself: a write failed
                }
            }
        });
        client.receiveBuffer(receiveBuffer);
        client.open();
    }

    /** In the room; fails when the connection failed before. */
    boolean joined() {
        if (failure != null) {
            throw new IllegalStateException("the stalled client failed before it joined: " + failure);
        }
        return ready && joined;
    }

    /** Stops reading for good, then asks for the echoes that fill the server's queue for it. */
    void stall() {
        client.stopReading();
        localPort = client.localPort();
        stoppedAt = System.nanoTime();
        stalled = true;
        for (long asked = 0; asked < stallBytes; asked += FILL_PAYLOAD) {
            client.echo(stoppedAt);
        }
    }

    /**
     * Whether the server has read every echo request (so its replies wait in the kernel or in the
     * server), or has dropped the connection meanwhile; probes the kernel at most every 250 ms.
     */
    boolean requestsRead() {
        probe(false);
        return dropped() || (client.flushed() && probed.unreadByServer() == 0);
    }

    /** Whether the server has closed the connection; probes the kernel at most every 250 ms. */
    boolean dropped() {
        probe(false);
        return droppedAt >= 0;
    }

    /** Seconds from {@link #stall} to the first probe that saw the server's end closed; +∞ if none did. */
    double droppedAfterSeconds() {
        return droppedAt < 0 ? Double.POSITIVE_INFINITY : (droppedAt - stoppedAt) / 1e9;
    }

    /**
     * Where the server's output to this client waits, read now: what the kernel holds, and the
     * echo replies whose requests the server has read, less that (framing ignored: about 10 bytes
     * in 60,000).
     */
    Backlog backlog() {
        probe(true);
        long requested = (stallBytes + FILL_PAYLOAD - 1) / FILL_PAYLOAD * FILL_PAYLOAD;
        long unread = client.queuedBytes() + probed.unreadByServer();
        long inKernel = probed.heldForClient();
        return new Backlog(inKernel, Math.max(0, requested - unread - inKernel));
    }

    private void probe(boolean now) {
        long t = System.nanoTime();
        if (!now && probed != null && t - lastProbe < PROBE_NANOS) {
            return;
        }
        lastProbe = t;
        probed = TcpSockets.connection(localPort, serverPort);
        if (droppedAt < 0 && (client.isClosed() || probed.closedByServer())) {
            droppedAt = t;
        }
    }
}
