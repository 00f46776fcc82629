package io.socketee.internal.engine;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * An engine with recording stand-ins for the two transport hosts (the servlet and the WebSocket
 * container), which are the only parts replaced here; the engine and the codec are real.
 */
final class EngineFixture implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(5);

    final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    final java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newFixedThreadPool(2);
    final BlockingQueue<EngineSocket> connections = new LinkedBlockingQueue<>();
    final Map<String, BlockingQueue<String>> events = new java.util.concurrent.ConcurrentHashMap<>();
    final EngineServer server;

    EngineFixture(EngineOptions options) {
        this(options, () -> System.nanoTime() / 1_000_000);
    }

    /** An engine whose write deadline reads {@code clock} (milliseconds). */
    EngineFixture(EngineOptions options, java.util.function.LongSupplier clock) {
        server = new EngineServer(options, socket -> {
            BlockingQueue<String> q = new LinkedBlockingQueue<>();
            events.put(socket.id(), q);
            socket.setHandler(new EngineSocketHandler() {
                @Override
                public void onText(String message) {
                    q.add("text:" + message);
                }

                @Override
                public void onBinary(byte[] message) {
                    q.add("binary:" + java.util.Arrays.toString(message));
                }

                @Override
                public void onClose(String reason) {
                    q.add("close:" + reason);
                }

                @Override
                public void onUpgrade(String transport) {
                    q.add("upgrade:" + transport);
                }
            });
            connections.add(socket);
        }, scheduler, worker, request -> new SessionIds().get(), clock);
    }

    /** The next event the handler of a session saw. */
    String nextEvent(String sid) throws InterruptedException {
        String e = events.get(sid).poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (e == null) {
            throw new AssertionError("no event for " + sid + " within " + WAIT);
        }
        return e;
    }

    /** Sends a request and returns the exchange (whose response may come later). */
    Exchange request(String method, String query, String body, String contentType, Map<String, String> headers) {
        Exchange ex = new Exchange(method, query, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                contentType, headers);
        server.handlePolling(ex);
        return ex;
    }

    Exchange get(String query) {
        return request("GET", query, null, null, Map.of());
    }

    Exchange post(String query, String body) {
        return request("POST", query, body, "text/plain;charset=UTF-8", Map.of());
    }

    /** A POST whose body is still arriving: the test ends the read with {@link Exchange#bodyRead}. */
    Exchange postArriving(String query) {
        Exchange ex = new Exchange("POST", query, null, "text/plain;charset=UTF-8", Map.of());
        ex.holdBody = true;
        server.handlePolling(ex);
        return ex;
    }

    /** Handshakes over polling and returns the session id. */
    String handshake(String eio) throws Exception {
        String body = get("EIO=" + eio + "&transport=polling").await().text();
        int at = body.indexOf("\"sid\":\"") + 7;
        return body.substring(at, at + 20);
    }

    @Override
    public void close() {
        server.close();
        scheduler.shutdownNow();
        worker.shutdownNow();
    }

    /** A response as the host would have sent it. */
    record Response(int status, Map<String, String> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A recording polling exchange. */
    static final class Exchange implements PollingExchange {
        private final String method;
        private final HandshakeRequest request;
        private final byte[] body;
        private final String contentType;
        final CompletableFuture<Response> response = new CompletableFuture<>();
        volatile boolean suspended;
        volatile Runnable onDisconnect;
        volatile boolean holdBody;
        volatile Duration readDeadline;
        private volatile java.util.function.Consumer<PostBody> bodyDone;

        Exchange(String method, String query, byte[] body, String contentType, Map<String, String> headers) {
            this.method = method;
            Map<String, List<String>> h = new LinkedHashMap<>();
            headers.forEach((k, v) -> h.put(k, List.of(v)));
            this.request = io.socketee.internal.transport.Requests.of("/socket.io/", query, h, "127.0.0.1", false, null);
            this.body = body;
            this.contentType = contentType;
        }

        @Override
        public String method() {
            return method;
        }

        @Override
        public HandshakeRequest request() {
            return request;
        }

        @Override
        public Optional<String> contentType() {
            return Optional.ofNullable(contentType);
        }

        @Override
        public void readBody(long max, Duration deadline, java.util.function.Consumer<PostBody> done) {
            readDeadline = deadline;
            if (holdBody) {
                bodyDone = done;
            } else {
                done.accept(body.length > max ? PostBody.TOO_LARGE : new PostBody.Received(body));
            }
        }

        /** Ends the read of a body that was arriving ({@link EngineFixture#postArriving}). */
        void bodyRead(PostBody outcome) {
            java.util.function.Consumer<PostBody> done = bodyDone;
            if (done == null) {
                throw new AssertionError("the engine is not reading this request's body");
            }
            done.accept(outcome);
        }

        @Override
        public void suspend(Duration timeout, Runnable onTimeout, Runnable onDisconnect) {
            suspended = true;
            this.onDisconnect = onDisconnect;
        }

        @Override
        public void respond(int status, Map<String, String> headers, byte[] body) {
            response.complete(new Response(status, Map.copyOf(headers), body));
        }

        Response await() throws Exception {
            return response.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }

        boolean answered() {
            return response.isDone();
        }
    }

    /**
     * A recording WebSocket. Its peer reads every frame at once unless {@link #stopReading} was
     * called: then frames count as pending until {@link #readAll}.
     */
    static final class Channel implements WebSocketChannel {
        final BlockingQueue<Object> frames = new LinkedBlockingQueue<>();
        volatile String closedWith;
        volatile String abortedWith;
        private final java.util.concurrent.atomic.AtomicLong pending = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
        private volatile boolean reading = true;

        @Override
        public void sendText(String text) {
            frames.add(text);
            queued(text.length());
        }

        @Override
        public void sendBinary(byte[] data) {
            frames.add(data);
            queued(data.length);
        }

        /** Recorded among the frames and, apart, in {@link #urgent}. */
        @Override
        public void sendUrgentText(String text) {
            urgent.add(text);
            frames.add(text);
            queued(text.length());
        }

        final List<String> urgent = new java.util.concurrent.CopyOnWriteArrayList<>();

        private void queued(long bytes) {
            if (reading) {
                written.incrementAndGet();
            } else {
                pending.addAndGet(bytes);
            }
        }

        @Override
        public void close(int code, String reason) {
            closedWith = code + " " + reason;
            frames.add("<close " + code + ">");
        }

        @Override
        public void abort(int code, String reason) {
            abortedWith = code + " " + reason;
            pending.set(0);
            frames.add("<abort " + code + ">");
        }

        @Override
        public long pendingBytes() {
            return pending.get();
        }

        @Override
        public long progress() {
            return written.get();
        }

        /** The peer stops reading: what is sent from now on stays pending. */
        void stopReading() {
            reading = false;
        }

        /** The peer reads what was pending, one write completing. */
        void readAll() {
            pending.set(0);
            written.incrementAndGet();
        }

        Object next() throws InterruptedException {
            Object f = frames.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (f == null) {
                throw new AssertionError("no frame within " + WAIT);
            }
            return f;
        }

        List<Object> drain() {
            List<Object> all = new ArrayList<>();
            frames.drainTo(all);
            return all;
        }
    }

    static HandshakeRequest wsRequest(String query) {
        return io.socketee.internal.transport.Requests.of("/socket.io/", query, Map.of(), "127.0.0.1", false, null);
    }
}
