package io.socketee.internal.protocol.engine;

/** Engine.IO packet types, each with its one-digit wire code. */
public enum EnginePacketType {
    OPEN('0'), CLOSE('1'), PING('2'), PONG('3'), MESSAGE('4'), UPGRADE('5'), NOOP('6');

    private final char code;

    EnginePacketType(char code) {
        this.code = code;
    }

    /** The wire code, '0' to '6'. */
    public char code() {
        return code;
    }

    /** The type for a wire code, or {@code null} when the code is not one. */
    public static EnginePacketType fromCode(char c) {
        return c >= '0' && c <= '6' ? values()[c - '0'] : null;
    }
}
