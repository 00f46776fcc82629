package io.socketee.internal.sio;

import io.socketee.internal.engine.EngineSocket;
import io.socketee.internal.engine.EngineSocketHandler;
import io.socketee.internal.engine.HandshakeRequest;
import io.socketee.internal.protocol.engine.EngineVersion;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An Engine.IO session without a transport: records what the Socket.IO layer sends and lets a
 * test play the client. Thread-safe enough for the tests (synchronized).
 */
public final class FakeEngineSocket implements EngineSocket {
    private final String id;
    private final EngineVersion version;
    private final HandshakeRequest request;
    private final List<Object> sent = new ArrayList<>();
    private final List<List<Object>> batches = new ArrayList<>();
    private EngineSocketHandler handler;
    private boolean open = true;
    private boolean writable = true;
    private String transport = "websocket";
    private String closedWith;
    private volatile HandshakeRequest carrying;

    FakeEngineSocket(String id, EngineVersion version, Map<String, String> query) {
        this.id = id;
        this.version = version;
        this.request = new HandshakeRequest("/socket.io/?EIO=" + (version == EngineVersion.V3 ? 3 : 4), query,
                Map.of("origin", List.of("http://example.test")), "127.0.0.1", false, Instant.now(), Optional.empty());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public EngineVersion version() {
        return version;
    }

    @Override
    public HandshakeRequest request() {
        return request;
    }

    @Override
    public synchronized String transportName() {
        return transport;
    }

    /** From now on the session is on {@code name}, "polling" or "websocket" (the default). */
    public synchronized void useTransport(String name) {
        transport = name;
    }

    /** The session moves to WebSocket, and its handler hears of it as the engine tells it. */
    public void upgrade() {
        useTransport("websocket");
        handler().onUpgrade("websocket");
    }

    @Override
    public synchronized void setHandler(EngineSocketHandler handler) {
        if (this.handler != null) {
            throw new IllegalStateException("handler set twice");
        }
        this.handler = handler;
    }

    @Override
    public void sendText(String message) {
        sendAll(List.of(message));
    }

    @Override
    public void sendBinary(byte[] message) {
        sendAll(List.of(message));
    }

    @Override
    public synchronized void sendAll(List<Object> messages) {
        if (open) {
            sent.addAll(messages);
            batches.add(messages);
        }
    }

    @Override
    public void close() {
        EngineSocketHandler h;
        synchronized (this) {
            if (!open) {
                return;
            }
            open = false;
            closedWith = "forced close";
            h = handler;
        }
        h.onClose("forced close");
    }

    @Override
    public synchronized boolean isOpen() {
        return open;
    }

    @Override
    public synchronized boolean writable() {
        return open && writable;
    }

    /** Makes the transport busy (false) or ready (true), for volatile packets. */
    synchronized void setWritable(boolean ready) {
        writable = ready;
    }

    // ---- the client side ----

    /** The client sends a text message. */
    public void receive(String text) {
        handler().onText(text);
    }

    /** The client sends a text message in a polling POST with these headers, as the engine delivers it. */
    public void receiveOver(Map<String, List<String>> headers, String text) {
        carrying = new HandshakeRequest("/socket.io/?EIO=4&transport=polling&sid=" + id, Map.of(), headers,
                "127.0.0.1", false, Instant.now(), Optional.empty());
        try {
            handler().onText(text);
        } finally {
            carrying = null;
        }
    }

    @Override
    public Optional<HandshakeRequest> currentRequest() {
        return Optional.ofNullable(carrying);
    }

    /** The client sends a binary message. */
    void receive(byte[] bytes) {
        handler().onBinary(bytes);
    }

    /** The transport closes for {@code reason}, as the engine reports it. */
    public void drop(String reason) {
        synchronized (this) {
            open = false;
            closedWith = reason;
        }
        handler().onClose(reason);
    }

    private synchronized EngineSocketHandler handler() {
        return handler;
    }

    /** Everything sent, text as String, binary as byte[]. */
    synchronized List<Object> sent() {
        return List.copyOf(sent);
    }

    /** The text messages sent, in order. */
    public synchronized List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (Object o : sent) {
            texts.add(o instanceof byte[] b ? "<" + new String(b, StandardCharsets.ISO_8859_1) + ">" : (String) o);
        }
        return texts;
    }

    /** The batches given to {@link #sendAll}, as given. */
    synchronized List<List<Object>> batches() {
        return List.copyOf(batches);
    }

    /** Forgets what was sent so far. */
    public synchronized void clear() {
        sent.clear();
        batches.clear();
    }

    /** Whether the Socket.IO layer closed the session, and how the engine reported it; null when open. */
    synchronized String closedWith() {
        return closedWith;
    }
}
