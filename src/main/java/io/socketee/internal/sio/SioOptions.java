package io.socketee.internal.sio;

import io.socketee.internal.metrics.MetricsRecorder;
import io.socketee.internal.protocol.socketio.SocketIoParser;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the Socket.IO layer. Immutable and thread-safe.
 *
 * @param connectTimeout how long a new connection may stay without joining any namespace before
 *     it is closed (the reference server's {@code connectTimeout}, 45 s by default)
 * @param maxAttachments the most binary attachments one received packet may announce (10 by
 *     default, as the reference parser); a packet announcing more closes the connection
 * @param maxDepth the deepest array/object nesting accepted in a received packet (a guard against
 *     hostile input; 512 by default); a deeper packet closes the connection
 * @param cleanupEmptyChildNamespaces whether a child of a dynamic namespace is dropped when its
 *     last socket leaves (the reference's option of that name; false by default)
 * @param recovery connection state recovery (off by default)
 * @param handlersOnDeliveringThread whether a client's packets are handled on the thread that
 *     delivered them (the container's) when nothing of that client is queued, instead of always
 *     on the executor (false by default)
 * @param partialPackets how much a binary packet still waiting for attachments may hold, and for
 *     how long
 * @param metrics where connections, broadcasts, drops and acknowledgement timeouts are counted
 *     (nowhere by default)
 * @param parser how packets travel in Engine.IO messages (the default parser by default)
 */
public record SioOptions(Duration connectTimeout, int maxAttachments, int maxDepth,
        boolean cleanupEmptyChildNamespaces, Recovery recovery, boolean handlersOnDeliveringThread,
        PartialPackets partialPackets, MetricsRecorder metrics, SocketIoParser parser) {

    /** Options whose handlers always run on the executor. */
    public SioOptions(Duration connectTimeout, int maxAttachments, int maxDepth, boolean cleanupEmptyChildNamespaces,
            Recovery recovery) {
        this(connectTimeout, maxAttachments, maxDepth, cleanupEmptyChildNamespaces, recovery, false,
                PartialPackets.DEFAULTS, MetricsRecorder.NONE, SocketIoParser.DEFAULT);
    }

    /** These options with handlers on the delivering thread, or not. */
    public SioOptions withHandlersOnDeliveringThread(boolean inline) {
        return new SioOptions(connectTimeout, maxAttachments, maxDepth, cleanupEmptyChildNamespaces, recovery, inline,
                partialPackets, metrics, parser);
    }

    /** These options with other bounds on partial packets. */
    public SioOptions withPartialPackets(PartialPackets bounds) {
        return new SioOptions(connectTimeout, maxAttachments, maxDepth, cleanupEmptyChildNamespaces, recovery,
                handlersOnDeliveringThread, bounds, metrics, parser);
    }

    /** These options with another metrics recorder. */
    public SioOptions withMetrics(MetricsRecorder recorder) {
        return new SioOptions(connectTimeout, maxAttachments, maxDepth, cleanupEmptyChildNamespaces, recovery,
                handlersOnDeliveringThread, partialPackets, recorder, parser);
    }

    /** These options with another parser. */
    public SioOptions withParser(SocketIoParser other) {
        return new SioOptions(connectTimeout, maxAttachments, maxDepth, cleanupEmptyChildNamespaces, recovery,
                handlersOnDeliveringThread, partialPackets, metrics, other);
    }

    /**
     * Bounds on a binary packet whose header has come and whose attachments have not all come
     * yet; a connection that breaks either is closed, as for a malformed packet. Immutable.
     *
     * @param maxBytes the most bytes its attachments may hold in all (the server's
     *     {@code maxHttpBufferSize}, 1,000,000 by default)
     * @param timeout how long after its header the last attachment may come (30 s by default)
     */
    public record PartialPackets(long maxBytes, Duration timeout) {
        /** 1,000,000 bytes and 30 s. */
        public static final PartialPackets DEFAULTS = new PartialPackets(1_000_000, Duration.ofSeconds(30));

        public PartialPackets {
            Objects.requireNonNull(timeout, "timeout");
            if (maxBytes < 0 || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("partial packets need maxBytes >= 0 and a positive timeout: "
                        + maxBytes + ", " + timeout);
            }
        }
    }

    /**
     * The reference's {@code connectionStateRecovery} option. Immutable.
     *
     * @param enabled whether sockets that drop can recover their id, rooms, data and missed events
     * @param maxDisconnectionDuration how long sessions and events are kept (2 minutes by default)
     * @param skipMiddlewares whether a recovered socket skips the connection middleware (true by default)
     */
    public record Recovery(boolean enabled, Duration maxDisconnectionDuration, boolean skipMiddlewares) {
        /** Recovery off. */
        public static final Recovery OFF = new Recovery(false, Duration.ofMinutes(2), true);

        public Recovery {
            Objects.requireNonNull(maxDisconnectionDuration, "maxDisconnectionDuration");
        }
    }

    /** Options without recovery. */
    public SioOptions(Duration connectTimeout, int maxAttachments, int maxDepth, boolean cleanupEmptyChildNamespaces) {
        this(connectTimeout, maxAttachments, maxDepth, cleanupEmptyChildNamespaces, Recovery.OFF);
    }

    /** The defaults: the reference server's, plus a nesting bound it does not have. */
    public static final SioOptions DEFAULTS = new SioOptions(Duration.ofSeconds(45), 10, 512);

    /** Options that keep emptied child namespaces. */
    public SioOptions(Duration connectTimeout, int maxAttachments, int maxDepth) {
        this(connectTimeout, maxAttachments, maxDepth, false);
    }

    public SioOptions {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(recovery, "recovery");
        Objects.requireNonNull(partialPackets, "partialPackets");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(parser, "parser");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive: " + connectTimeout);
        }
        if (maxAttachments < 0) {
            throw new IllegalArgumentException("maxAttachments must not be negative: " + maxAttachments);
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1: " + maxDepth);
        }
    }
}
