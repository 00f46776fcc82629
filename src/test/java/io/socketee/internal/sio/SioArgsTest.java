package io.socketee.internal.sio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.socketee.Args;
import io.socketee.IoException;
import io.socketee.internal.mapping.JsonMapper;
import io.socketee.internal.protocol.json.Json;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SioArgsTest {

    private final Args args = new SioArgs(new JsonMapper(), List.of(Json.of("a"), Json.NULL));

    @Test
    void plainGetOfAMissingArgumentThrowsNamingTheIndexAndTheSize() {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> args.get(2));
        assertEquals("no argument 2: the client sent 2", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> args.get(-1));
    }

    @Test
    void typedGetOfAMissingArgumentReadsAsNullLikeTheReferencesUndefined() {
        assertNull(args.get(5, String.class));
        assertNull(args.get(1, String.class), "a null argument reads the same");
        assertEquals("a", args.get(0, String.class));
    }

    @Test
    void findIsEmptyForAMissingOrNullArgumentAndConvertsAPresentOne() {
        assertEquals(Optional.of("a"), args.find(0, String.class));
        assertEquals(Optional.empty(), args.find(1, String.class));
        assertEquals(Optional.empty(), args.find(2, String.class));
        assertEquals(Optional.empty(), args.find(-1, String.class));
    }

    @Test
    void findStillReportsAValueThatCannotBeConverted() {
        assertThrows(IoException.class, () -> args.find(0, Integer.class));
    }
}
