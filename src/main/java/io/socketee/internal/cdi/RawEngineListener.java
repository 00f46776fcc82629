package io.socketee.internal.cdi;

import io.socketee.engine.CloseReason;
import io.socketee.engine.EngineIoConnection;
import io.socketee.engine.EngineIoHandler;
import io.socketee.engine.ProtocolVersion;
import io.socketee.engine.Transport;
import io.socketee.internal.engine.EngineListener;
import io.socketee.internal.engine.EngineSocket;
import io.socketee.internal.engine.EngineSocketHandler;
import io.socketee.internal.protocol.engine.EngineVersion;
import io.socketee.internal.concurrent.SerialExecutor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Connects a raw Engine.IO server to the application's {@link EngineIoHandler}: each session
 * becomes an {@link EngineIoConnection}, and its callbacks run in order on a per-connection serial
 * executor over the worker pool. A handler's exception is logged and never closes the connection.
 *
 * <p>Thread-safe.
 */
final class RawEngineListener implements EngineListener {
    private static final Logger LOG = Logger.getLogger(RawEngineListener.class.getName());

    private final EngineIoHandler handler;
    private final Executor workers;

    RawEngineListener(EngineIoHandler handler, Executor workers) {
        this.handler = handler;
        this.workers = workers;
    }

    @Override
    public void onConnection(EngineSocket socket) {
        Connection c = new Connection(socket, java.util.Optional.empty());
        SerialExecutor serial = new SerialExecutor(workers);
        socket.setHandler(new EngineSocketHandler() {
            @Override
            public void onText(String message) {
                Connection carried = c.carriedBy(socket.currentRequest());
                serial.execute(() -> call(() -> handler.onMessage(carried, message)));
            }

            @Override
            public void onBinary(byte[] message) {
                Connection carried = c.carriedBy(socket.currentRequest());
                serial.execute(() -> call(() -> handler.onBinary(carried, message)));
            }

            @Override
            public void onClose(String reason) {
                serial.execute(() -> call(() -> handler.onClose(c, CloseReason.fromWireName(reason)
                        .orElseThrow(() -> new IllegalStateException("unknown close reason " + reason)))));
            }
        });
        serial.execute(() -> call(() -> handler.onOpen(c)));
    }

    private static void call(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "SOCKETEE-ENGINE-001 Engine.IO handler failed", e);
        }
    }

    /**
     * The application's view of one session, with the polling request that carried the message
     * being handled, if any. Equal for one session whatever the request.
     */
    private record Connection(EngineSocket socket, java.util.Optional<io.socketee.ConnectionRequest> currentRequest)
            implements EngineIoConnection {

        Connection carriedBy(java.util.Optional<io.socketee.internal.engine.HandshakeRequest> request) {
            return request.isEmpty() ? this
                    : new Connection(socket, request.map(io.socketee.internal.sio.ConnectionRequests::of));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Connection other && other.socket == socket;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(socket);
        }

        @Override
        public String id() {
            return socket.id();
        }

        @Override
        public ProtocolVersion protocol() {
            return socket.version() == EngineVersion.V4 ? ProtocolVersion.V4 : ProtocolVersion.V3;
        }

        @Override
        public Transport transport() {
            return Transport.fromWireName(socket.transportName())
                    .orElseThrow(() -> new IllegalStateException("unknown transport " + socket.transportName()));
        }

        @Override
        public Map<String, String> query() {
            return socket.request().query();
        }

        @Override
        public Map<String, List<String>> headers() {
            return socket.request().headers();
        }

        @Override
        public String remoteAddress() {
            return socket.request().remoteAddress();
        }

        @Override
        public void send(String message) {
            socket.sendText(message);
        }

        @Override
        public void send(byte[] message) {
            socket.sendBinary(message.clone());
        }

        @Override
        public void close() {
            socket.close();
        }

        @Override
        public boolean isOpen() {
            return socket.isOpen();
        }
    }
}
