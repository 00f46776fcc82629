package io.socketee.it.cluster;

import io.socketee.it.support.RedisServer;
import java.net.URL;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.test.api.ArquillianResource;

/**
 * Two SocketEE cluster members, deployments {@code a} and {@code b} (declared by the subclass,
 * with the adapter it tests), on the shared test Redis, which is stopped after the class.
 */
abstract class ClusterNodes {
    /** The test Redis, started with the deployments (before the WARs connect to it) if none runs. */
    static RedisServer redis() {
        return RedisServer.shared();
    }

    @ArquillianResource
    @OperateOnDeployment("a")
    URL a;

    @ArquillianResource
    @OperateOnDeployment("b")
    URL b;

    /** Asks the member {@code client} is on to broadcast {@code news(text)} to the namespace, and waits for its ack. */
    /** Up to {@code count} events, each waited for at most twice the official client's usual wait. */
    static java.util.List<String> take(java.util.concurrent.BlockingQueue<String> queue, int count)
            throws InterruptedException {
        java.util.List<String> got = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            String next = queue.poll(io.socketee.it.support.OfficialJavaClient.WAIT_SECONDS * 2,
                    java.util.concurrent.TimeUnit.SECONDS);
            if (next == null) {
                break;
            }
            got.add(next);
        }
        return got;
    }

    static void broadcastNews(io.socketee.it.support.OfficialJavaClient client, String text) throws Exception {
        org.json.JSONObject spec = new org.json.JSONObject().put("event", "news")
                .put("args", new org.json.JSONArray().put(text));
        org.junit.jupiter.api.Assertions.assertEquals("ok", client.call("emit", spec));
    }

    /**
     * Asks {@code from}'s member to emit {@code news(text)} (to {@code room}, or to all when null)
     * until {@code to} gets it, at most 40 times, 1 s apart: for the moments when a subscription
     * is being made (a new room's channel, a promoted master) and a message may be lost, as in
     * Node. Whether it arrived.
     */
    static boolean arrives(io.socketee.it.support.OfficialJavaClient from, io.socketee.it.support.OfficialJavaClient to,
            String room, String text) throws Exception {
        org.json.JSONObject spec = new org.json.JSONObject().put("event", "news")
                .put("args", new org.json.JSONArray().put(text));
        if (room != null) {
            spec.put("room", room);
        }
        for (int i = 0; i < 40; i++) {
            org.junit.jupiter.api.Assertions.assertEquals("ok", from.call("emit", spec));
            String got;
            while ((got = to.events.poll(1, java.util.concurrent.TimeUnit.SECONDS)) != null) {
                if (got.equals("news:" + text)) {
                    return true;
                }
            }
        }
        return false;
    }

    @org.junit.jupiter.api.AfterAll
    static void stopRedis() {
        RedisServer.stopShared();
    }
}
