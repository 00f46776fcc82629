package io.socketee.internal.cdi;

import io.socketee.DisconnectReason;
import io.socketee.Socket;
import java.util.concurrent.CompletionStage;

/**
 * The library call connection middleware intercept: admitting one socket. SocketEE makes one
 * intercepted instance per middleware name and chains them, so that {@code proceed()} of one
 * reaches the next. Returns the stage that completes when the socket leaves.
 *
 * <p>Not a bean; proxied by {@code InterceptionFactory}. Immutable once built; thread-safe.
 */
public class Admission {
    private final Admission next;

    /** For the proxy. */
    public Admission() {
        this(null);
    }

    Admission(Admission next) {
        this.next = next;
    }

    /** Admits {@code socket}: passes it to the next middleware, else returns {@code left}. */
    public CompletionStage<DisconnectReason> admit(Socket socket, CompletionStage<DisconnectReason> left) {
        return next == null ? left : next.admit(socket, left);
    }
}
