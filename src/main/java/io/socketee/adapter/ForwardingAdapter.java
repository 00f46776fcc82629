package io.socketee.adapter;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * An adapter that passes every call to another one: the base of an adapter that changes a few
 * operations of the namespace's in-memory adapter and keeps the rest. For example, one that also
 * publishes each broadcast to a message broker overrides {@link #broadcast} and calls
 * {@code super.broadcast} for the local sockets.
 *
 * <p>Thread-safe when the delegate is, as every adapter must be; subclasses keep it so.
 */
public abstract class ForwardingAdapter implements Adapter {
    private final Adapter delegate;

    /**
     * An adapter passing every call to {@code delegate}, usually the {@code local} adapter of {@link AdapterFactory#create}.
     * @param delegate the adapter every call goes to
     */
    protected ForwardingAdapter(Adapter delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /**
     * The adapter calls are passed to.
     * @return the adapter calls are passed to
     */
    protected final Adapter delegate() {
        return delegate;
    }

    @Override
    public void addAll(String sid, Collection<String> rooms) {
        delegate.addAll(sid, rooms);
    }

    @Override
    public void del(String sid, String room) {
        delegate.del(sid, room);
    }

    @Override
    public void delAll(String sid) {
        delegate.delAll(sid);
    }

    @Override
    public Set<String> socketRooms(String sid) {
        return delegate.socketRooms(sid);
    }

    @Override
    public Set<String> sockets(Set<String> rooms) {
        return delegate.sockets(rooms);
    }

    @Override
    public void broadcast(Packet packet, BroadcastOptions options) {
        delegate.broadcast(packet, options);
    }

    @Override
    public void broadcastWithAck(Packet packet, BroadcastOptions options, BroadcastAck ack) {
        delegate.broadcastWithAck(packet, options, ack);
    }

    @Override
    public CompletionStage<List<SocketDetails>> fetchSockets(BroadcastOptions options) {
        return delegate.fetchSockets(options);
    }

    @Override
    public void addSockets(BroadcastOptions options, Collection<String> rooms) {
        delegate.addSockets(options, rooms);
    }

    @Override
    public void delSockets(BroadcastOptions options, Collection<String> rooms) {
        delegate.delSockets(options, rooms);
    }

    @Override
    public void disconnectSockets(BroadcastOptions options, boolean close) {
        delegate.disconnectSockets(options, close);
    }

    @Override
    public void serverSideEmit(List<Object> args) {
        delegate.serverSideEmit(args);
    }

    @Override
    public CompletionStage<List<Object>> serverSideEmitWithAck(List<Object> args, Duration timeout) {
        return delegate.serverSideEmitWithAck(args, timeout);
    }

    @Override
    public int serverCount() {
        return delegate.serverCount();
    }

    @Override
    public void persistSession(SessionSnapshot session) {
        delegate.persistSession(session);
    }

    @Override
    public Optional<RestoredSession> restoreSession(String pid, String offset) {
        return delegate.restoreSession(pid, offset);
    }

    @Override
    public CompletionStage<Set<String>> allRooms() {
        return delegate.allRooms();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
