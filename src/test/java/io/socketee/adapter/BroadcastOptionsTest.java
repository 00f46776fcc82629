package io.socketee.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BroadcastOptionsTest {

    private static final BroadcastOptions BASE = new BroadcastOptions(Set.of("a"), Set.of("b"), false);

    @Test
    void eachNamedBuilderChangesOnlyItsOwnFlag() {
        assertEquals(new BroadcastOptions(Set.of("a"), Set.of("b"), true, false, true, Optional.empty()),
                BASE.withLocal(true));
        assertEquals(new BroadcastOptions(Set.of("a"), Set.of("b"), false, true, true, Optional.empty()),
                BASE.withVolatile(true));
        assertEquals(new BroadcastOptions(Set.of("a"), Set.of("b"), false, false, false, Optional.empty()),
                BASE.withCompress(false));
        assertEquals(new BroadcastOptions(Set.of("a"), Set.of("b"), false, false, true,
                Optional.of(Duration.ofSeconds(3))), BASE.withTimeout(Optional.of(Duration.ofSeconds(3))));
    }

    @Test
    void buildersChainWithoutLosingEarlierFlags() {
        BroadcastOptions all = BASE.withLocal(true).withVolatile(true).withCompress(false)
                .withTimeout(Optional.of(Duration.ofMillis(5)));
        assertEquals(new BroadcastOptions(Set.of("a"), Set.of("b"), true, true, false,
                Optional.of(Duration.ofMillis(5))), all);
    }
}
