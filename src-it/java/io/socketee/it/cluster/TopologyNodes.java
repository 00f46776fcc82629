package io.socketee.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.it.support.ItDeployment;
import io.socketee.it.support.ItServer;
import io.socketee.it.support.OfficialJavaClient;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.json.JSONArray;

/**
 * Four SocketEE members on one Redis topology (a Redis Cluster, Redis Sentinel), declared by the
 * subclass: {@code a} and {@code b} on the classic adapter (channel prefix {@code socket.io}, as a
 * Node.js member's), {@code c} and {@code d} on the Streams adapter (channel prefix
 * {@value #STREAMS_KEY}, so the two pairs do not hear each other's requests). A and C are named
 * "A", B and D "B". Helpers prove that traffic spans a pair, and measure a failover.
 */
abstract class TopologyNodes extends ClusterNodes {
    static final String STREAMS_KEY = "topo-streams";

    @ArquillianResource
    @OperateOnDeployment("c")
    URL c;

    @ArquillianResource
    @OperateOnDeployment("d")
    URL d;

    /** A member of the pair of {@code adapter} ("A" or "B") on {@code redisUrl} with {@code topology} lines. */
    static WebArchive member(String war, String node, String redisUrl, String adapter, List<String> topology) {
        List<String> config = new ArrayList<>(topology);
        if (adapter.equals("redis-streams")) {
            config.add("socketio.redis.key=" + STREAMS_KEY);
        }
        return ItDeployment.clusterApp(war, node, redisUrl, adapter, false, config);
    }

    /**
     * A broadcast from each member reaches the other's client, one to a room reaches only the
     * client in it, and serverSideEmitWithAck gets the other member's answer.
     */
    static void trafficSpans(URL first, URL second, String label) throws Exception {
        try (OfficialJavaClient c1 = OfficialJavaClient.connect(ItServer.base(first), "news");
                OfficialJavaClient c2 = OfficialJavaClient.connect(ItServer.base(second), "news");
                OfficialJavaClient other = OfficialJavaClient.connect(ItServer.base(second), "news")) {
            assertTrue(arrives(c1, c2, null, label + "-1"), label + ": a broadcast from the first member reaches the second's client");
            assertTrue(arrives(c2, c1, null, label + "-2"), label + ": and one from the second the first's");
            assertEquals("ok", c2.call("join", "topo-room"));
            c2.events.clear();
            other.events.clear();
            broadcastNews(c1, label + "-room", "topo-room");
            assertEquals("news:" + label + "-room", next(c2), label + ": the client in the room gets the room's broadcast");
            assertEquals(null, other.events.poll(500, TimeUnit.MILLISECONDS), label + ": the one outside does not");
            assertAnswers(c1, label);
        }
    }

    /** serverSideEmitWithAck from {@code client}'s member (A) gets B's answer. */
    static void assertAnswers(OfficialJavaClient client, String label) throws Exception {
        assertEquals(List.of("B hears A"), answers(client), label + ": serverSideEmitWithAck gets the other member's answer");
    }

    /**
     * After a failover: a member whose subscriber is still connecting again counts no other
     * server and gets no answer (so would Node's), so {@code client}'s member asks again every
     * 200 ms, for up to 20 s, until the other member answers; prints how long that took.
     */
    static void assertAnswersAgain(OfficialJavaClient client, String label, java.util.function.Supplier<String> subscribers)
            throws Exception {
        long start = System.nanoTime();
        Object answers = answers(client);
        long deadline = start + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (!List.of("B hears A").equals(answers) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            answers = answers(client);
        }
        if (!List.of("B hears A").equals(answers)) {
            // which members Redis counts: an empty answer is a member that counts no other server
            assertEquals(List.of("B hears A"), answers, label + ": serverSideEmitWithAck gets the other member's answer ("
                    + subscribers.get() + ")");
        }
        System.out.printf("[topology] %s: serverSideEmitWithAck answered %d ms after the first try%n", label,
                (System.nanoTime() - start) / 1_000_000);
    }

    private static Object answers(OfficialJavaClient client) throws Exception {
        Object answers = client.call("server-side");
        return answers instanceof JSONArray arr ? arr.toList() : answers;
    }

    /** Asks {@code client}'s member to broadcast {@code news(text)} to {@code room}, and waits for its ack. */
    static void broadcastNews(OfficialJavaClient client, String text, String room) throws Exception {
        org.json.JSONObject spec = new org.json.JSONObject().put("event", "news")
                .put("args", new JSONArray().put(text)).put("room", room);
        assertEquals("ok", client.call("emit", spec));
    }

    /**
     * {@code cc}'s member broadcasts ten messages and {@code replicated} waits until the replica
     * has them; {@code kill} runs, and the member goes on broadcasting, one every 300 ms, until
     * {@code failedOver} returns, then ten more. Returns what {@code cd}'s client got (waiting
     * for as many as were sent); {@code sent} gets what was sent. Prints when the first
     * broadcast made after the kill arrived.
     */
    static List<String> streamAcross(OfficialJavaClient cc, OfficialJavaClient cd, Runnable replicated, Runnable kill,
            Runnable failedOver, List<String> sent) throws Exception {
        broadcastNews(cc, "before");
        assertEquals("news:before", next(cd), "the Streams pair works before the failover");
        for (int i = 0; i < 10; i++) {
            sent.add("news:s-before-" + i);
            broadcastNews(cc, "s-before-" + i);
        }
        replicated.run();
        List<String> got = new ArrayList<>();
        long killed = System.nanoTime();
        kill.run();
        Thread failover = new Thread(failedOver);
        failover.start();
        long flowing = -1;
        for (int i = 0; failover.isAlive(); i++) {
            sent.add("news:s-during-" + i);
            broadcastNews(cc, "s-during-" + i);
            TimeUnit.MILLISECONDS.sleep(300);
            cd.events.drainTo(got);
            if (flowing < 0 && got.stream().anyMatch(m -> m.startsWith("news:s-during"))) {
                flowing = (System.nanoTime() - killed) / 1_000_000;
            }
        }
        failover.join();
        long promoted = (System.nanoTime() - killed) / 1_000_000;
        for (int i = 0; i < 10; i++) {
            sent.add("news:s-after-" + i);
            broadcastNews(cc, "s-after-" + i);
        }
        while (got.size() < sent.size()) {
            String next = cd.events.poll(OfficialJavaClient.WAIT_SECONDS, TimeUnit.SECONDS);
            if (next == null) {
                break;
            }
            got.add(next);
            if (flowing < 0 && !next.startsWith("news:s-before")) {
                flowing = (System.nanoTime() - killed) / 1_000_000;
            }
        }
        List<String> lost = new ArrayList<>(sent);
        lost.removeAll(got);
        System.out.printf("[topology] Streams across the failover: replica promoted %d ms after the kill; the first"
                + " broadcast made after the kill arrived %d ms after it (during the failover: at most 300 ms late); %d"
                + " broadcasts, %d arrived, lost %s%n", promoted, flowing, sent.size(), got.size(), lost);
        return got;
    }

    /**
     * Measures how long after {@code killedAt} a broadcast from {@code from}'s member reaches
     * {@code to}'s client again (repeated as {@link #arrives} does); whether it did.
     */
    static boolean arrivesAgain(OfficialJavaClient from, OfficialJavaClient to, String text, long killedAt, String label)
            throws Exception {
        boolean arrived = arrives(from, to, null, text);
        System.out.printf("[topology] %s: traffic flows again %d ms after the kill%n", label,
                (System.nanoTime() - killedAt) / 1_000_000);
        return arrived;
    }

    static String next(OfficialJavaClient client) throws InterruptedException {
        return client.events.poll(OfficialJavaClient.WAIT_SECONDS, TimeUnit.SECONDS);
    }
}
