package io.socketee.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class PollingTransportTest {

    @Test
    void aPendingGetIsAnsweredWhenTheServerSendsAndBatchesWithRecordSeparators() throws Exception {
        try (EngineFixture f = new EngineFixture(EngineOptions.DEFAULTS)) {
            String sid = f.handshake("4");
            EngineSocket socket = f.connections.take();
            EngineFixture.Exchange poll = f.get("EIO=4&transport=polling&sid=" + sid);
            assertFalse(poll.answered(), "the GET waits for data");
            assertTrue(poll.suspended, "the GET is suspended, not holding a thread");
            socket.sendAll(List.of("2[\"a\"]", new byte[] {1, 2, 3}));
            assertEquals("42[\"a\"]", poll.await().text(), "like the reference, a pending GET takes the first packet alone");
            assertEquals("bAQID", f.get("EIO=4&transport=polling&sid=" + sid).await().text());
            socket.sendText("one");
            socket.sendText("two");
            assertEquals("4one\u001e4two", f.get("EIO=4&transport=polling&sid=" + sid).await().text());
        }
    }

    @Test
    void aLargeGetAnswerIsGzippedForAClientThatAcceptsItAndAsItIsForOneThatDoesNot() throws Exception {
        try (EngineFixture f = new EngineFixture(EngineOptions.DEFAULTS)) {
            String sid = f.handshake("4");
            EngineSocket socket = f.connections.take();
            String big = "x".repeat(2000);
            EngineFixture.Exchange gzip = f.request("GET", "EIO=4&transport=polling&sid=" + sid, null, null,
                    java.util.Map.of("Accept-Encoding", "gzip, deflate"));
            socket.sendText(big);
            EngineFixture.Response zipped = gzip.await();
            assertEquals("gzip", zipped.headers().get("Content-Encoding"));
            assertTrue(zipped.body().length < big.length());
            assertEquals("4" + big, new String(new java.util.zip.GZIPInputStream(
                    new java.io.ByteArrayInputStream(zipped.body())).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            EngineFixture.Exchange plain = f.get("EIO=4&transport=polling&sid=" + sid);
            socket.sendText(big);
            EngineFixture.Response identity = plain.await();
            assertEquals(null, identity.headers().get("Content-Encoding"));
            assertEquals("4" + big, identity.text());
        }
    }

    @Test
    void withHttpCompressionOffALargeGetAnswerIsNotCompressed() throws Exception {
        try (EngineFixture f = new EngineFixture(EngineOptions.DEFAULTS.withHttpCompression(HttpCompression.OFF))) {
            String sid = f.handshake("4");
            EngineSocket socket = f.connections.take();
            EngineFixture.Exchange poll = f.request("GET", "EIO=4&transport=polling&sid=" + sid, null, null,
                    java.util.Map.of("Accept-Encoding", "gzip"));
            socket.sendText("x".repeat(2000));
            EngineFixture.Response r = poll.await();
            assertEquals(null, r.headers().get("Content-Encoding"));
            assertEquals(2001, r.body().length);
        }
    }

    @Test
    void postedPacketsReachTheHandlerInOrderAndThePostIsAnsweredOk() throws Exception {
        try (EngineFixture f = new EngineFixture(EngineOptions.DEFAULTS)) {
            String sid = f.handshake("4");
            EngineFixture.Response r = f.post("EIO=4&transport=polling&sid=" + sid, "4first\u001ebAQI=\u001e4third").await();
            assertEquals(200, r.status());
            assertEquals("ok", r.text());
            assertEquals("text/html", r.headers().get("Content-Type"));
            assertEquals("text:first", f.nextEvent(sid));
            assertEquals("binary:[1, 2]", f.nextEvent(sid));
            assertEquals("text:third", f.nextEvent(sid));
        }
    }

    @Test
    void aSecondConcurrentGetClosesTheSessionAndTheFirstGetsTheClosePacket() throws Exception {
        try (EngineFixture f = new EngineFixture(EngineOptions.DEFAULTS)) {
            String sid = f.handshake("4");
            EngineFixture.Exchange first = f.get("EIO=4&transport=polling&sid=" + sid);
            EngineFixture.Exchange second = f.get("EIO=4&transport=polling&sid=" + sid);
            assertEquals(400, second.await().status());
            assertEquals("1", first.await().text());
            assertEquals("close:transport error", f.nextEvent(sid));
            assertEquals(0, f.server.clientsCount());
            EngineHandshakeTest.assertError(f.get("EIO=4&transport=polling&sid=" + sid), 400,
                    "{\"code\":1,\"message\":\"Session ID unknown\"}");
        }
    }

    @Test
    void anOversizedPostIsRefusedWith413AndTheSessionLives() throws Exception {
        try (EngineFixture f = new EngineFixture(EngineOptions.DEFAULTS.withMaxHttpBufferSize(10))) {
            String sid = f.handshake("4");
            assertEquals(413, f.post("EIO=4&transport=polling&sid=" + sid, "4" + "x".repeat(20)).await().status());
            assertEquals(200, f.post("EIO=4&transport=polling&sid=" + sid, "4small").await().status());
            assertEquals("text:small", f.nextEvent(sid));
        }
    }

    @Test
    void aMalformedPayloadClosesTheSessionWithParseError() throws Exception {
        try (EngineFixture f = new EngineFixture(EngineOptions.DEFAULTS)) {
            String sid = f.handshake("4");
            f.post("EIO=4&transport=polling&sid=" + sid, "9nonsense").await();
            assertEquals("close:parse error", f.nextEvent(sid));
            assertEquals(0, f.server.clientsCount());
        }
    }

    @Test
    void aBinaryPostFromAVersion4ClientIsABadRequest() throws Exception {
        try (EngineFixture f = new EngineFixture(EngineOptions.DEFAULTS)) {
            String sid = f.handshake("4");
            EngineFixture.Response r = f.request("POST", "EIO=4&transport=polling&sid=" + sid, "x",
                    "application/octet-stream", java.util.Map.of()).await();
            assertEquals(400, r.status());
            assertEquals("close:transport error", f.nextEvent(sid));
        }
    }

    @Test
    void theClientsClosePacketClosesWithTransportClose() throws Exception {
        try (EngineFixture f = new EngineFixture(EngineOptions.DEFAULTS)) {
            String sid = f.handshake("4");
            EngineFixture.Exchange poll = f.get("EIO=4&transport=polling&sid=" + sid);
            f.post("EIO=4&transport=polling&sid=" + sid, "1").await();
            assertEquals("6", poll.await().text(), "the pending GET is released with a noop");
            assertEquals("close:transport close", f.nextEvent(sid));
        }
    }

    @Test
    void aServerCloseFlushesQueuedPacketsThenSendsClose() throws Exception {
        try (EngineFixture f = new EngineFixture(EngineOptions.DEFAULTS)) {
            String sid = f.handshake("4");
            EngineSocket socket = f.connections.take();
            socket.sendText("bye");
            socket.close();
            socket.sendText("ignored after close");
            assertEquals("4bye", f.get("EIO=4&transport=polling&sid=" + sid).await().text());
            assertEquals("6\u001e1", f.get("EIO=4&transport=polling&sid=" + sid).await().text(),
                    "like the reference, the close packet follows on the next poll");
            assertEquals("close:forced close", f.nextEvent(sid));
        }
    }

    @Test
    void engineIo3UsesLengthPrefixedPayloadsAndTheBinaryPayloadWhenSupported() throws Exception {
        try (EngineFixture f = new EngineFixture(EngineOptions.DEFAULTS.withAllowEio3(true))) {
            String sid = f.handshake("3");
            EngineSocket socket = f.connections.take();
            socket.sendText("é");
            assertEquals("2:4é", f.get("EIO=3&transport=polling&sid=" + sid).await().text());
            socket.sendAll(List.of("x", new byte[] {9}));
            EngineFixture.Response bin = f.get("EIO=3&transport=polling&sid=" + sid).await();
            assertEquals("application/octet-stream", bin.headers().get("Content-Type"));
            assertEquals(List.of(0, 2, 255, 52, 120, 1, 2, 255, 4, 9), toInts(bin.body()));
        }
    }

    @Test
    void engineIo3ClientsAskingForBase64GetStringPayloads() throws Exception {
        try (EngineFixture f = new EngineFixture(EngineOptions.DEFAULTS.withAllowEio3(true))) {
            String body = f.get("EIO=3&transport=polling&b64=1").await().text();
            String sid = body.substring(body.indexOf("\"sid\":\"") + 7, body.indexOf("\"sid\":\"") + 27);
            f.connections.take().sendBinary(new byte[] {1, 2, 3});
            assertEquals("6:b4AQID", f.get("EIO=3&transport=polling&b64=1&sid=" + sid).await().text());
        }
    }

    private static List<Integer> toInts(byte[] b) {
        List<Integer> out = new java.util.ArrayList<>();
        for (byte x : b) {
            out.add(x & 0xff);
        }
        return out;
    }

    /**
     * A client POSTs as soon as it has read the handshake, which can be before the server's
     * connection listener has attached its handler (it does so on the handshake thread, after the
     * response went out). That message waits for the handler; it is not dropped.
     */
    @Test
    void aMessagePostedBeforeTheHandlerIsAttachedWaitsForIt() throws Exception {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
        java.util.concurrent.ExecutorService worker = Executors.newFixedThreadPool(2);
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        BlockingQueue<String> early = new LinkedBlockingQueue<>();
        EngineServer[] server = new EngineServer[1];
        server[0] = new EngineServer(EngineOptions.DEFAULTS, socket -> {
            // the early POST, from another thread, while this listener has not attached anything yet
            Thread post = new Thread(() -> server[0].handlePolling(new EngineFixture.Exchange("POST",
                    "EIO=4&transport=polling&sid=" + socket.id(), "440".getBytes(), "text/plain", java.util.Map.of())));
            post.start();
            early.add(awaitHeldBack(post));
            socket.setHandler(new EngineSocketHandler() {
                @Override
                public void onText(String message) {
                    seen.add(message);
                }

                @Override
                public void onBinary(byte[] message) {
                }

                @Override
                public void onClose(String reason) {
                }
            });
        }, scheduler, worker, new SessionIds());
        try {
            EngineFixture.Exchange handshake = new EngineFixture.Exchange("GET", "EIO=4&transport=polling", null, null,
                    java.util.Map.of());
            server[0].handlePolling(handshake);
            assertTrue(handshake.await().text().startsWith("0{"));
            assertEquals("held back", early.poll(EngineFixture.WAIT.toMillis(), TimeUnit.MILLISECONDS),
                    "the POST arrived while the listener ran and waited for it");
            assertEquals("40", seen.poll(EngineFixture.WAIT.toMillis(), TimeUnit.MILLISECONDS));
        } finally {
            server[0].close();
            scheduler.shutdownNow();
            worker.shutdownNow();
        }
    }

    /**
     * Waits until {@code post} is parked on a lock, as the early POST is while the session holds
     * its messages back for the listener: "held back", or what happened instead (it ended, so the
     * message went to no handler, or it was not held back within the wait).
     */
    private static String awaitHeldBack(Thread post) {
        long deadline = System.nanoTime() + EngineFixture.WAIT.toNanos();
        while (!(LockSupport.getBlocker(post) instanceof AbstractQueuedSynchronizer)) {
            Thread.State state = post.getState();
            if (state == Thread.State.TERMINATED) {
                return "handled before the handler was attached";
            }
            if (System.nanoTime() > deadline) {
                return "not held back within " + EngineFixture.WAIT + " (" + state + ")";
            }
            Thread.onSpinWait();
        }
        return "held back";
    }
}
