package io.socketee.internal.mapping;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.socketee.IoException;
import io.socketee.internal.protocol.json.Json;
import io.socketee.internal.protocol.json.JsonParser;
import io.socketee.internal.protocol.json.JsonWriter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Conversions between application values and JSON, both ways, including JSON-B. */
class JsonMapperTest {
    private final JsonMapper mapper = new JsonMapper();

    /** A record as an application would send. */
    public record Point(int x, int y, String label) {
    }

    enum Color { RED }

    @AfterEach
    void close() {
        mapper.close();
    }

    private String write(Object value) {
        return JsonWriter.write(mapper.toJson(value));
    }

    /** Numbers travel as JavaScript numbers (doubles): 2^53 + 1 arrives as 2^53, as from Node. */
    @Test
    void plainValuesMapDirectly() {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("b", 1);
        map.put(2, List.of(true, 'c'));
        map.put("n", null);
        assertEquals("{\"2\":[true,\"c\"],\"b\":1,\"n\":null}", write(map));
        assertEquals("[1,2.5,9007199254740992,\"RED\",null,\"x\"]",
                write(new Object[] {1L, 2.5f, 9007199254740993L, Color.RED, Optional.empty(), Optional.of("x")}));
        assertEquals("[1,2]", write(new long[] {1, 2}));
        assertEquals("null", write(Double.NaN));
    }

    @Test
    void binaryLeavesStayBinaryAtAnyDepth() {
        Json json = mapper.toJson(Map.of("a", List.of(new byte[] {1})));
        Json leaf = ((Json.Arr) ((Json.Obj) json).fields().get("a")).items().get(0);
        assertEquals(new Json.Bin(new byte[] {1}), leaf);
    }

    @Test
    void recordsGoThroughJsonb() {
        assertEquals("{\"label\":\"p\",\"x\":1,\"y\":2}", write(new Point(1, 2, "p")));
    }

    @Test
    void cyclesAreRefused() {
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);
        assertThrows(IoException.class, () -> mapper.toJson(cycle));
    }

    @Test
    void numbersComeInAsLongWhenIntegralAndInRange() {
        assertEquals(3L, JsonMapper.number(3.0));
        assertEquals(0L, JsonMapper.number(-0.0));
        assertEquals(-9.223372036854775808E18, (double) (long) JsonMapper.number(-0x1p63));
        assertEquals(0x1p63, JsonMapper.number(0x1p63));
        assertEquals(1.5, JsonMapper.number(1.5));
        assertEquals(Double.POSITIVE_INFINITY, JsonMapper.number(Double.POSITIVE_INFINITY));
    }

    @Test
    void typedConversionUsesThePlainValueOrJsonb() {
        Json point = JsonParser.parse("{\"x\":1,\"y\":2,\"label\":\"p\"}", 10);
        assertEquals(new Point(1, 2, "p"), mapper.convert(point, Point.class));
        assertEquals("s", mapper.convert(Json.of("s"), String.class));
        assertEquals(7, mapper.convert(Json.of(7), Integer.class));
        assertEquals(7L, mapper.convert(Json.of(7), long.class));
        assertNull(mapper.convert(Json.NULL, Point.class));
        Type listOfPoints = new ArrayList<Point>() { }.getClass().getGenericSuperclass();
        Json two = JsonParser.parse("[{\"x\":1,\"y\":1},{\"x\":2,\"y\":2}]", 10);
        assertEquals(List.of(new Point(1, 1, null), new Point(2, 2, null)), mapper.convert(two, listOfPoints));
    }

    @Test
    void typedConversionSeesBinaryAsBytes() {
        assertArrayEquals(new byte[] {1, -1}, (byte[]) mapper.convert(new Json.Bin(new byte[] {1, -1}), byte[].class));
    }

    @Test
    void badTypedConversionIsAnIoException() {
        assertThrows(IoException.class, () -> mapper.convert(Json.of("text"), Point.class));
    }
}
