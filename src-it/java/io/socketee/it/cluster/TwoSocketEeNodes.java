package io.socketee.it.cluster;

import io.socketee.it.support.ItDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Two SocketEE cluster members on the shared test Redis with the classic Redis adapter: the
 * cluster app deployed twice, as {@code socketee-cluster-a} (node "A") and
 * {@code socketee-cluster-b} (node "B"), each WAR with its own SocketEE, subscriber connection and
 * node id, as two servers would have.
 */
abstract class TwoSocketEeNodes extends ClusterNodes {

    @Deployment(name = "a", testable = false, order = 1)
    public static WebArchive nodeA() {
        return ItDeployment.clusterApp("socketee-cluster-a.war", "A", redis().url());
    }

    @Deployment(name = "b", testable = false, order = 2)
    public static WebArchive nodeB() {
        return ItDeployment.clusterApp("socketee-cluster-b.war", "B", redis().url());
    }
}
