package io.socketee.demo.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The envelope's JSON shape is egg's parseMsg format, and the action names are the seed's. */
class EnvelopeTest {

    @Test
    void parseMsgWritesEggsFormatWithoutNullFields() throws Exception {
        try (Jsonb json = JsonbBuilder.create()) {
            Envelope msg = Envelope.parseMsg(Action.EXCHANGE, Map.of("msg", "test"), "nNx88r1c5WuHf9XuAAAB",
                    "Dkn3UXSu8_jHvKBmAAHW", 1512116201597L);
            assertEquals("{\"data\":{\"action\":\"exchange\",\"payload\":{\"msg\":\"test\"}},"
                    + "\"meta\":{\"client\":\"nNx88r1c5WuHf9XuAAAB\",\"target\":\"Dkn3UXSu8_jHvKBmAAHW\","
                    + "\"timestamp\":1512116201597}}", json.toJson(msg));
        }
    }

    @Test
    void readsAClientsEnvelopeIgnoringItsSign() throws Exception {
        try (Jsonb json = JsonbBuilder.create()) {
            Envelope msg = json.fromJson("{\"meta\":{\"timestamp\":1,\"app\":\"a\",\"sign\":\"x\",\"userId\":\"u\"},"
                    + "\"data\":{\"action\":\"reconnect-and-update\",\"payload\":\"p\"}}", Envelope.class);
            assertEquals("u", msg.meta().userId());
            assertEquals(Action.RE_CONNECT_AND_UPDATES, Action.fromWire(msg.data().action()).orElseThrow());
            assertEquals("p", msg.data().payload());
        }
    }

    @Test
    void wireNamesAreTheSeeds() {
        assertEquals("requestId sendToOthers reconnect-and-update deny exchange broadcast",
                String.join(" ", Action.REQUEST_ID.wire(), Action.SEND_TO_OTHERS.wire(),
                        Action.RE_CONNECT_AND_UPDATES.wire(), Action.DENY.wire(), Action.EXCHANGE.wire(),
                        Action.BROADCAST.wire()));
    }
}
