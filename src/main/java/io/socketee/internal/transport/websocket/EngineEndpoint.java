package io.socketee.internal.transport.websocket;

import io.socketee.internal.engine.EngineServer;
import io.socketee.internal.engine.HandshakeRequest;
import io.socketee.internal.engine.WebSocketReceiver;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.util.function.Supplier;

/**
 * The Jakarta WebSocket endpoint at the engine path: it only moves frames between the container
 * and the {@link EngineServer}. One instance per connection, created by {@link EngineConfigurator}
 * (so no CDI injection into the endpoint is needed, which Open Liberty 26.0.0.3 lacks).
 *
 * <p>The container calls one connection's callbacks one at a time.
 */
public final class EngineEndpoint extends Endpoint {
    private final Supplier<EngineServer> engine;
    private final int maxQueuedFrames;
    private volatile WebSocketReceiver receiver;

    EngineEndpoint(Supplier<EngineServer> engine, int maxQueuedFrames) {
        this.engine = engine;
        this.maxQueuedFrames = maxQueuedFrames;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        EngineServer server = engine.get();
        int max = (int) Math.min(Integer.MAX_VALUE, server.options().maxHttpBufferSize());
        session.setMaxTextMessageBufferSize(max);
        session.setMaxBinaryMessageBufferSize(max);
        session.setMaxIdleTimeout(0);
        Object recorded = session.getUserProperties().get(EngineConfigurator.REQUEST_PROPERTY);
        if (recorded == null) {
            recorded = config.getUserProperties().get(EngineConfigurator.REQUEST_PROPERTY);
        }
        HandshakeRequest request = (HandshakeRequest) recorded;
        WebSocketReceiver r = server.acceptWebSocket(request, new SerialSender(session, maxQueuedFrames));
        receiver = r;
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) r::onText);
        session.addMessageHandler(byte[].class, (MessageHandler.Whole<byte[]>) r::onBinary);
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        WebSocketReceiver r = receiver;
        if (r != null) {
            r.onClose();
        }
    }

    @Override
    public void onError(Session session, Throwable thr) {
        WebSocketReceiver r = receiver;
        if (r != null) {
            r.onClose();
        }
    }
}
