package io.socketee.it.portability.app;

import io.socketee.engine.CloseReason;
import io.socketee.engine.EngineIoConnection;
import io.socketee.engine.EngineIoEndpoint;
import io.socketee.engine.EngineIoHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * A raw Engine.IO server at /probe/ that reports what the server under test handed over: the
 * greeting names the transport, the client address the container reported and the injected
 * bean's text. "burst:N:T" makes T threads send N numbered messages between them at once, to
 * show that concurrent sends on one connection all arrive; anything else is echoed.
 *
 * <p>Thread-safe: stateless apart from the injected bean.
 */
@ApplicationScoped
@EngineIoEndpoint("/probe")
public class ProbeEngine implements EngineIoHandler {

    @Inject
    ProbeGreeting greeting;

    @Override
    public void onOpen(EngineIoConnection connection) {
        connection.send("hello " + connection.transport().wireName() + " " + connection.remoteAddress() + " " + greeting.text());
    }

    @Override
    public void onMessage(EngineIoConnection connection, String message) {
        if (message.startsWith("burst:")) {
            String[] parts = message.split(":");
            burst(connection, Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        } else {
            connection.send("echo:" + message);
        }
    }

    private static void burst(EngineIoConnection connection, int messages, int threads) {
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            senders.add(new Thread(() -> {
                for (int i = first; i < messages; i += threads) {
                    connection.send("m" + i);
                }
            }, "probe-burst-" + t));
        }
        senders.forEach(Thread::start);
    }

    @Override
    public void onBinary(EngineIoConnection connection, byte[] message) {
        connection.send(message);
    }

    @Override
    public void onClose(EngineIoConnection connection, CloseReason reason) {
        // nothing to clean up
    }
}
