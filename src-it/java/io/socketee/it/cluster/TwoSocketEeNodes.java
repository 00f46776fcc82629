package io.socketee.it.cluster;

import io.socketee.it.support.ItDeployment;
import io.socketee.it.support.RedisServer;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Two SocketEE cluster members on the shared test Redis: the cluster app deployed twice, as
 * {@code socketee-cluster-a} (node "A") and {@code socketee-cluster-b} (node "B"), each WAR with
 * its own SocketEE, subscriber connection and node id, as two servers would have.
 */
abstract class TwoSocketEeNodes {
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
    static void broadcastNews(io.socketee.it.support.OfficialJavaClient client, String text) throws Exception {
        org.json.JSONObject spec = new org.json.JSONObject().put("event", "news")
                .put("args", new org.json.JSONArray().put(text));
        org.junit.jupiter.api.Assertions.assertEquals("ok", client.call("emit", spec));
    }

    @org.junit.jupiter.api.AfterAll
    static void stopRedis() {
        RedisServer.stopShared();
    }

    @Deployment(name = "a", testable = false, order = 1)
    public static WebArchive nodeA() {
        return ItDeployment.clusterApp("socketee-cluster-a.war", "A", redis().url());
    }

    @Deployment(name = "b", testable = false, order = 2)
    public static WebArchive nodeB() {
        return ItDeployment.clusterApp("socketee-cluster-b.war", "B", redis().url());
    }
}
