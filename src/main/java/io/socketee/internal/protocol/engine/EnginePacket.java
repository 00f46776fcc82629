package io.socketee.internal.protocol.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * One Engine.IO packet: text (any type, with an optional string payload) or binary (always a
 * message). Immutable and thread-safe.
 */
public sealed interface EnginePacket permits EnginePacket.Text, EnginePacket.Binary {

    /** The packet type. */
    EnginePacketType type();

    /** A packet with a string payload, empty when the packet carries none. */
    record Text(EnginePacketType type, String data) implements EnginePacket {
        public Text {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(data, "data");
        }
    }

    /** A binary message packet. The array is not copied: callers must not change it. */
    record Binary(byte[] data) implements EnginePacket {
        public Binary {
            Objects.requireNonNull(data, "data");
        }

        @Override
        public EnginePacketType type() {
            return EnginePacketType.MESSAGE;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Binary b && Arrays.equals(data, b.data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Binary[" + data.length + " bytes]";
        }
    }

    /** A packet of the given type with no payload. */
    static Text of(EnginePacketType type) {
        return new Text(type, "");
    }

    /** A text message packet. */
    static Text message(String data) {
        return new Text(EnginePacketType.MESSAGE, data);
    }
}
