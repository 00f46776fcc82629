package io.socketee.internal.adapter.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RedisEndpointsTest {
    private static final RedisEndpoints.Sentinel MASTER = new RedisEndpoints.Sentinel("mymaster", Optional.empty(),
            Optional.empty());

    @Test
    void theTopologyIsReadAsConfigurationSpellsIt() {
        assertEquals(RedisEndpoints.Topology.STANDALONE, RedisEndpoints.Topology.of("standalone"));
        assertEquals(RedisEndpoints.Topology.CLUSTER, RedisEndpoints.Topology.of("cluster"));
        assertEquals(RedisEndpoints.Topology.SENTINEL, RedisEndpoints.Topology.of("sentinel"));
    }

    @Test
    void theFirstUrlCarriesTheConnectionsSettings() {
        RedisEndpoints e = new RedisEndpoints(RedisEndpoints.Topology.CLUSTER,
                List.of(URI.create("rediss://:pw@a:7000"), URI.create("rediss://:pw@b:7000")), Optional.empty(),
                OptionalInt.empty(), Optional.empty());
        assertEquals(URI.create("rediss://:pw@a:7000"), e.first());
        assertEquals(List.of(URI.create("redis://h:6379")),
                RedisEndpoints.standalone(URI.create("redis://h:6379"), Optional.empty(), OptionalInt.empty()).urls());
    }

    @Test
    void aMasterNameGoesWithTheSentinelTopologyOnlyAndSomeUrlIsNeeded() {
        List<URI> one = List.of(URI.create("redis://s:26379"));
        assertEquals(Optional.of(MASTER), new RedisEndpoints(RedisEndpoints.Topology.SENTINEL, one, Optional.empty(),
                OptionalInt.empty(), Optional.of(MASTER)).sentinel());
        assertThrows(IllegalArgumentException.class, () -> new RedisEndpoints(RedisEndpoints.Topology.SENTINEL, one,
                Optional.empty(), OptionalInt.empty(), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new RedisEndpoints(RedisEndpoints.Topology.CLUSTER, one,
                Optional.empty(), OptionalInt.empty(), Optional.of(MASTER)));
        assertThrows(IllegalArgumentException.class, () -> new RedisEndpoints(RedisEndpoints.Topology.STANDALONE,
                List.of(), Optional.empty(), OptionalInt.empty(), Optional.empty()));
    }
}
