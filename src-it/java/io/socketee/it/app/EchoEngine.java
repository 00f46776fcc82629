package io.socketee.it.app;

import io.socketee.engine.CloseReason;
import io.socketee.engine.EngineIoConnection;
import io.socketee.engine.EngineIoEndpoint;
import io.socketee.engine.EngineIoHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A raw Engine.IO server at /engine.io/, like an application of Node's {@code engine.io} package:
 * greets each client, echoes text with a prefix and binary reversed, closes on "close-me", and
 * reports the close reason it saw for a session on "last-close:SID".
 *
 * <p>Thread-safe: the only state is a concurrent map.
 */
@ApplicationScoped
@EngineIoEndpoint("/engine.io")
public class EchoEngine implements EngineIoHandler {
    private final Map<String, String> closes = new ConcurrentHashMap<>();

    @Override
    public void onOpen(EngineIoConnection connection) {
        connection.send("welcome " + connection.id() + " v" + connection.protocol().wireName());
    }

    @Override
    public void onMessage(EngineIoConnection connection, String message) {
        if (message.equals("close-me")) {
            connection.close();
        } else if (message.startsWith("last-close:")) {
            connection.send("closed:" + closes.get(message.substring("last-close:".length())));
        } else {
            connection.send("echo:" + message);
        }
    }

    @Override
    public void onBinary(EngineIoConnection connection, byte[] message) {
        byte[] reversed = new byte[message.length];
        for (int i = 0; i < message.length; i++) {
            reversed[i] = message[message.length - 1 - i];
        }
        connection.send(reversed);
    }

    @Override
    public void onClose(EngineIoConnection connection, CloseReason reason) {
        closes.put(connection.id(), reason.wireName());
    }
}
