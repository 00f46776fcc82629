package io.socketee.internal.sio;

import io.socketee.AckTimeoutException;
import io.socketee.Args;
import io.socketee.BroadcastOperator;
import io.socketee.Handshake;
import io.socketee.IoException;
import io.socketee.RemoteSocket;
import io.socketee.adapter.BroadcastOptions;
import io.socketee.adapter.SocketDetails;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * A fetched socket: its snapshot, and actions through an operator that targets its id, so they
 * reach it on whichever server it lives. Immutable and thread-safe.
 */
final class SioRemoteSocket implements RemoteSocket {
    private final SocketDetails details;
    private final BroadcastOperator target;

    SioRemoteSocket(SioNamespace nsp, SocketDetails details) {
        this.details = details;
        this.target = SioBroadcastOperator.of(nsp, BroadcastOptions.ALL).to(details.id());
    }

    @Override
    public String id() {
        return details.id();
    }

    @Override
    public Handshake handshake() {
        return details.handshake();
    }

    @Override
    public Set<String> rooms() {
        return details.rooms();
    }

    @Override
    public Map<String, Object> data() {
        return details.data();
    }

    @Override
    public void emit(String event, Object... args) {
        target.emit(event, args);
    }

    @Override
    public CompletionStage<Args> emitWithAck(Duration timeout, String event, Object... args) {
        return target.timeout(timeout).emitWithAck(event, args).handle((answers, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                throw cause instanceof AckTimeoutException t ? t : new CompletionException(cause);
            }
            if (answers.isEmpty()) {
                throw new IoException("the socket " + details.id() + " is gone");
            }
            return answers.get(0);
        });
    }

    @Override
    public void join(String room) {
        target.socketsJoin(room);
    }

    @Override
    public void join(Collection<String> rooms) {
        target.socketsJoin(List.copyOf(rooms));
    }

    @Override
    public void leave(String room) {
        target.socketsLeave(room);
    }

    @Override
    public void disconnect(boolean close) {
        target.disconnectSockets(close);
    }

    @Override
    public String toString() {
        return "RemoteSocket[" + details.id() + "]";
    }
}
