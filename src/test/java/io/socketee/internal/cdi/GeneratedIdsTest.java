package io.socketee.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.internal.engine.HandshakeRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Ids from the application's generator: checked, warned about once, replaced when missing. */
class GeneratedIdsTest {
    private final List<String> warnings = new ArrayList<>();
    private final Logger log = Logger.getLogger(GeneratedIds.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            warnings.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final HandshakeRequest request = new HandshakeRequest("/socket.io/?EIO=4&transport=polling&u=ann",
            Map.of("u", "ann"), Map.of(), "127.0.0.1", false, Instant.EPOCH, Optional.empty());

    GeneratedIdsTest() {
        log.addHandler(capture);
    }

    @AfterEach
    void detach() {
        log.removeHandler(capture);
    }

    @Test
    void wellShapedIdsPassSilentlyAndSeeTheRequest() {
        GeneratedIds ids = new GeneratedIds(r -> (r.query().getOrDefault("u", "x") + "_____________________").substring(0, 20));
        assertEquals("ann_________________", ids.apply(request));
        assertEquals(List.of(), warnings);
    }

    @Test
    void theConnectionRequestOfIdGeneratorAndAllowRequestCarriesTheAuthenticatedCaller() {
        java.security.Principal ann = () -> "ann";
        io.socketee.ConnectionRequest seen = io.socketee.internal.sio.ConnectionRequests.of(
                request.withCaller(new io.socketee.internal.engine.Caller(Optional.of(ann), java.util.Set.of("chat"))));
        assertEquals(Optional.of(ann), seen.principal());
        assertEquals(true, seen.isUserInRole("chat"));
        assertEquals(false, seen.isUserInRole("admin"));
        assertEquals(Optional.empty(), io.socketee.internal.sio.ConnectionRequests.of(request).principal());
    }

    @Test
    void aBadShapeIsWarnedAboutOnceAtStart() {
        GeneratedIds ids = new GeneratedIds(r -> "short id");
        assertEquals("short id", ids.apply(request));
        ids.apply(request);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("SOCKETEE-BOOT-008"), warnings.get(0));
    }

    @Test
    void aFailingOrEmptyGeneratorGetsRandomIds() {
        GeneratedIds failing = new GeneratedIds(r -> {
            throw new IllegalStateException("down");
        });
        assertTrue(failing.apply(request).matches("[A-Za-z0-9_-]{20}"));
        assertTrue(new GeneratedIds(r -> "").apply(request).matches("[A-Za-z0-9_-]{20}"));
    }
}
