package io.socketee.internal.sio;

import io.socketee.Args;
import io.socketee.BroadcastOperator;
import io.socketee.RemoteSocket;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A {@link BroadcastOperator} that hands every call to a fresh operator: the base of the
 * namespaces and the server, which act as operators targeting all of their sockets. Thread-safe
 * when {@link #operator()} is.
 */
abstract class DelegatingOperator implements BroadcastOperator {

    /** The operator targeting everything this object stands for, with no flags. */
    abstract BroadcastOperator operator();

    @Override
    public BroadcastOperator to(String room) {
        return operator().to(room);
    }

    @Override
    public BroadcastOperator to(Collection<String> rooms) {
        return operator().to(rooms);
    }

    @Override
    public BroadcastOperator in(String room) {
        return operator().in(room);
    }

    @Override
    public BroadcastOperator in(Collection<String> rooms) {
        return operator().in(rooms);
    }

    @Override
    public BroadcastOperator except(String room) {
        return operator().except(room);
    }

    @Override
    public BroadcastOperator except(Collection<String> rooms) {
        return operator().except(rooms);
    }

    @Override
    public BroadcastOperator local() {
        return operator().local();
    }

    @Override
    public BroadcastOperator asVolatile() {
        return operator().asVolatile();
    }

    @Override
    public BroadcastOperator compress(boolean compress) {
        return operator().compress(compress);
    }

    @Override
    public BroadcastOperator timeout(Duration timeout) {
        return operator().timeout(timeout);
    }

    @Override
    public void emit(String event, Object... args) {
        operator().emit(event, args);
    }

    @Override
    public CompletionStage<List<Args>> emitWithAck(String event, Object... args) {
        return operator().emitWithAck(event, args);
    }

    @Override
    public CompletionStage<List<RemoteSocket>> fetchSockets() {
        return operator().fetchSockets();
    }

    @Override
    public void socketsJoin(String room) {
        operator().socketsJoin(room);
    }

    @Override
    public void socketsJoin(Collection<String> rooms) {
        operator().socketsJoin(rooms);
    }

    @Override
    public void socketsLeave(String room) {
        operator().socketsLeave(room);
    }

    @Override
    public void socketsLeave(Collection<String> rooms) {
        operator().socketsLeave(rooms);
    }

    @Override
    public void disconnectSockets(boolean close) {
        operator().disconnectSockets(close);
    }
}
