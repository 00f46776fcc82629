package io.socketee.internal.transport.websocket;

import io.socketee.internal.engine.EngineServer;
import io.socketee.internal.engine.HandshakeRequest;
import io.socketee.internal.engine.WebSocketReceiver;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.util.concurrent.Executor;
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
    private final SessionCloser closer;
    private volatile WebSocketReceiver receiver;
    private volatile SerialSender sender;

    EngineEndpoint(Supplier<EngineServer> engine, SessionCloser closer) {
        this.engine = engine;
        this.closer = closer;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        EngineServer server = engine.get();
        int max = (int) Math.min(Integer.MAX_VALUE, server.options().maxHttpBufferSize());
        // The container's own limit sits at twice ours, so that a frame just over the limit
        // reaches the check below and gets the reference's close (1009, no reason) on every
        // server: at their limit Payara's Tyrus closes with 1009 "Too big." and Open Liberty
        // with 1009 and a long reason. The container limit still caps what it buffers for one
        // message (WildFly's Undertow does not enforce it; Tyrus stops at its 4 MB input buffer).
        int containerMax = (int) Math.min(Integer.MAX_VALUE, 2L * max);
        session.setMaxTextMessageBufferSize(containerMax);
        session.setMaxBinaryMessageBufferSize(containerMax);
        session.setMaxIdleTimeout(0);
        Object recorded = session.getUserProperties().get(EngineConfigurator.REQUEST_PROPERTY);
        if (recorded == null) {
            recorded = config.getUserProperties().get(EngineConfigurator.REQUEST_PROPERTY);
        }
        HandshakeRequest request = (HandshakeRequest) recorded;
        Object checked = session.getUserProperties().get(EngineConfigurator.CHECKED_PROPERTY);
        if (checked == null) {
            checked = config.getUserProperties().get(EngineConfigurator.CHECKED_PROPERTY);
        }
        SerialSender sender = new SerialSender(session, closer);
        this.sender = sender;
        WebSocketReceiver r = server.acceptWebSocket(request, sender, Boolean.TRUE.equals(checked));
        receiver = r;
        // the container's own limit is not enforced everywhere (Open Liberty accepts larger
        // frames), so every frame is checked here too; too big closes with 1009 like the reference
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
            if (tooBig(text, max)) {
                refuse(sender, r);
            } else {
                r.onText(text);
            }
        });
        session.addMessageHandler(byte[].class, (MessageHandler.Whole<byte[]>) data -> {
            if (data.length > max) {
                refuse(sender, r);
            } else {
                r.onBinary(data);
            }
        });
    }

    private static boolean tooBig(String text, int max) {
        if (text.length() > max) {
            return true;
        }
        if ((long) text.length() * 3 <= max) {
            return false;
        }
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes > max;
    }

    private static void refuse(SerialSender sender, WebSocketReceiver r) {
        sender.close(1009, "");
        r.onClose();
    }

    /**
     * Ends the session, after the messages the container read before the close. WildFly's
     * Undertow hands messages to the session's ordered executor but reports a TCP close on the
     * I/O thread, so a client's last message (socket.io-client's DISCONNECT, sent just before its
     * close) could still be waiting there: the close is queued behind it on the same executor.
     * Never waits.
     */
    @Override
    public void onClose(Session session, CloseReason closeReason) {
        WebSocketReceiver r = receiver;
        if (r == null) {
            return;
        }
        Executor ordered = ContainerQuirks.messageExecutor(session);
        if (ordered == null) {
            r.onClose();
            return;
        }
        try {
            ordered.execute(r::onClose);
        } catch (RuntimeException e) { // rejected: the container is stopping
            r.onClose();
        }
    }

    /**
     * The container reports an error (a read or write that failed, a frame it could not decode):
     * the connection is given up. The container does not always close the session itself
     * (Open Liberty does not after some read errors), so it is closed here too, dropping what
     * waits for the peer; then the engine ends the session.
     */
    @Override
    public void onError(Session session, Throwable thr) {
        SerialSender s = sender;
        if (s != null) {
            s.abort(1011, "");
        }
        WebSocketReceiver r = receiver;
        if (r != null) {
            r.onClose();
        }
    }
}
