package io.socketee.internal.adapter;

import io.socketee.adapter.Packet;
import io.socketee.internal.protocol.json.Json;
import io.socketee.internal.protocol.socketio.SocketIoPacket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A packet the server made: the codec's packet, encoded at most once whatever the number of
 * recipients, and turned into application values only when an adapter asks for them.
 *
 * <p>Thread-safe: the packet is immutable; the two caches are computed idempotently and published
 * through volatile fields (two threads may both compute one, with equal results).
 */
public final class WirePacket implements Packet {
    private final SocketIoPacket wire;
    private final NamespaceHost host;
    private volatile List<Object> messages;
    private volatile List<Object> data;

    WirePacket(SocketIoPacket wire, NamespaceHost host) {
        this.wire = Objects.requireNonNull(wire, "wire");
        this.host = Objects.requireNonNull(host, "host");
    }

    /** A packet of {@code host}'s namespace. */
    public static WirePacket of(SocketIoPacket wire, NamespaceHost host) {
        return new WirePacket(wire, host);
    }

    /** The codec's packet. */
    public SocketIoPacket wire() {
        return wire;
    }

    /** The encoded messages: a {@code String} then any {@code byte[]} attachments; shared, never changed. */
    public List<Object> messages() {
        List<Object> m = messages;
        if (m == null) {
            m = host.encode(wire);
            messages = m;
        }
        return m;
    }

    @Override
    public String namespace() {
        return wire.nsp();
    }

    @Override
    public List<Object> data() {
        List<Object> d = data;
        if (d == null) {
            List<Object> values = new ArrayList<>();
            if (wire.data() instanceof Json.Arr arr) {
                for (Json item : arr.items()) {
                    values.add(host.toJava(item));
                }
            }
            d = Collections.unmodifiableList(values);
            data = d;
        }
        return d;
    }

    @Override
    public OptionalLong ackId() {
        return wire.hasId() ? OptionalLong.of(wire.id()) : OptionalLong.empty();
    }

    @Override
    public String toString() {
        return "Packet[" + wire.nsp() + (wire.hasId() ? " ack " + wire.id() : "") + "]";
    }
}
