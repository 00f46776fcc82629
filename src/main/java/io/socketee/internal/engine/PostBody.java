package io.socketee.internal.engine;

/**
 * What reading a polling POST's body came to ({@link PollingExchange#readBody}). Immutable.
 */
public sealed interface PostBody {

    /** Too large: more than the limit was declared or sent. */
    PostBody TOO_LARGE = new TooLarge();

    /** The whole body, within the limit. */
    record Received(byte[] bytes) implements PostBody {
    }

    /** The body passed the limit; the host stopped reading it. */
    record TooLarge() implements PostBody {
    }

    /**
     * The body did not arrive whole: the client went away, sent less than it announced, broke
     * the chunked framing or did not finish before the deadline.
     *
     * @param reason what happened, for the log
     */
    record Broken(String reason) implements PostBody {
    }
}
