package io.socketee.bench.load;

/** One benchmark client speaking the contract of issue 7; confined to the {@link Loop} thread. */
interface Client {
    /** Asks {@code echo(payload)} with an acknowledgement; the payload carries {@code stamp}. */
    void echo(long stamp);

    /** Asks {@code join(room)} with an acknowledgement. */
    void join(String room);

    /** Sends {@code fanout(room, payload)}; the payload carries {@code stamp} and {@code seq}. */
    void fanout(String room, long stamp, long seq);

    /** Closes the connection without a word. */
    void close();
}
