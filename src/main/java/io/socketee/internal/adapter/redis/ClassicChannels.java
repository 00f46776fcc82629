package io.socketee.internal.adapter.redis;

/**
 * The Redis channel names of the classic protocol (Node's {@code @socket.io/redis-adapter}
 * {@code createAdapter} and {@code @socket.io/redis-emitter}) for one key prefix and namespace.
 * Immutable and thread-safe.
 *
 * @param prefix the key prefix, {@code socket.io} by default
 * @param nsp the namespace, with its leading slash
 */
public record ClassicChannels(String prefix, String nsp) {

    /** Broadcasts to everyone or to several rooms: {@code P#N#}. */
    public String broadcast() {
        return prefix + "#" + nsp + "#";
    }

    /** Broadcasts to exactly one room (socket-id rooms too): {@code P#N#room#}. */
    public String room(String room) {
        return broadcast() + room + "#";
    }

    /** The channel a broadcast to these rooms is published on. */
    public String broadcastFor(java.util.List<String> rooms) {
        return rooms.size() == 1 ? room(rooms.get(0)) : broadcast();
    }

    /** Every request: {@code P-request#N#}; its subscriber count is the server count. */
    public String request() {
        return prefix + "-request#" + nsp + "#";
    }

    /** Responses, shared by all nodes: {@code P-response#N#}. */
    public String response() {
        return prefix + "-response#" + nsp + "#";
    }

    /** Responses to one node: {@code P-response#N#uid#}. */
    public String responseFor(String uid) {
        return response() + uid + "#";
    }

    /**
     * The room a message on a broadcast channel targets: the text between {@code P#N#} and the
     * trailing '#' ({@code ""} for the base channel), or null when the channel is not this
     * namespace's.
     */
    public String roomOf(String channel) {
        String base = broadcast();
        if (!channel.startsWith(base) || !channel.endsWith("#")) {
            return null;
        }
        return channel.length() == base.length() ? "" : channel.substring(base.length(), channel.length() - 1);
    }
}
