package io.socketee;

import java.util.List;

/**
 * Acknowledgements were awaited longer than the operator's timeout: the reference's
 * {@code "operation has timed out"} error, with the answers that did arrive in time.
 *
 * <p>Immutable and thread-safe.
 */
public class AckTimeoutException extends IoException {
    private static final long serialVersionUID = 1L;

    /** The answers, kept out of serialization. */
    private final transient List<Args> responses;

    /**
     * A timeout with the answers received before it.
     * @param responses the answers received before the deadline
     */
    public AckTimeoutException(List<Args> responses) {
        super("operation has timed out");
        this.responses = List.copyOf(responses);
    }

    /**
     * The answers received before the deadline, in arrival order.
     * @return the answers received before the deadline, in arrival order
     */
    public List<Args> responses() {
        return responses == null ? List.of() : responses;
    }
}
