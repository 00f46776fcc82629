package io.socketee.internal.protocol.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The writer's output equals {@code JSON.stringify} of the same value (golden texts from Node.js 20). */
class JsonWriterTest {

    private static Json.Obj obj(Object... kv) {
        Map<String, Json> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Json) kv[i + 1]);
        }
        return new Json.Obj(m);
    }

    @Test
    void escapesStringsExactlyLikeJsonStringify() {
        String in = "\"\\/\b\f\n\r\t\u0001\u001f\u007f\u2028\ud800x\udc00 \ud83d\ude00 é";
        assertEquals("\"\\\"\\\\/\\b\\f\\n\\r\\t\\u0001\\u001f\u007f\u2028\\ud800x\\udc00 \ud83d\ude00 é\"",
                JsonWriter.write(Json.of(in)));
        assertEquals("\"\\u0000\\u000b\\u001e\"", JsonWriter.write(Json.of("\u0000\u000b\u001e")));
        assertEquals("\"\\udbff\"", JsonWriter.write(Json.of("\udbff")));
        assertEquals("\"\\udc00\\ud800\"", JsonWriter.write(Json.of("\udc00\ud800")));
        assertEquals("\"plain\"", JsonWriter.write(Json.of("plain")));
    }

    @Test
    void writesNumbersAsJavaScriptDoes() {
        assertEquals("[1,-1,1.5,1e+21,1.5e-7,0.1,null,null,null,0]", JsonWriter.write(Json.arr(
                Json.of(1), Json.of(-1), Json.of(1.5), Json.of(1e21), Json.of(1.5e-7), Json.of(0.1),
                Json.of(Double.NaN), Json.of(Double.POSITIVE_INFINITY), Json.of(Double.NEGATIVE_INFINITY),
                Json.of(-0.0))));
    }

    @Test
    void writesObjectsInJavaScriptPropertyOrder() {
        assertEquals("{\"1\":1,\"b\":2,\"01\":3}", JsonWriter.write(obj("b", Json.of(2), "01", Json.of(3), "1", Json.of(1))));
        assertEquals("{}", JsonWriter.write(obj()));
        assertEquals("{\"a\":[true,false,null,{}]}", JsonWriter.write(obj("a", Json.arr(Json.TRUE, Json.FALSE, Json.NULL, obj()))));
    }

    @Test
    void refusesBinaryInPlainJson() {
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(Json.arr(new Json.Bin(new byte[] {1}))));
    }

    @Test
    void extractsBinaryAsNumberedPlaceholdersDepthFirstInPropertyOrder() {
        Json data = Json.arr(Json.of("obj"), obj("b", new Json.Bin(new byte[] {1}), "1", new Json.Bin(new byte[] {2})),
                Json.arr(new Json.Bin(new byte[0])));
        List<byte[]> attachments = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        JsonWriter.writeExtractingBinary(data, sb, attachments);
        assertEquals("[\"obj\",{\"1\":{\"_placeholder\":true,\"num\":0},\"b\":{\"_placeholder\":true,\"num\":1}},"
                + "[{\"_placeholder\":true,\"num\":2}]]", sb.toString());
        assertEquals(3, attachments.size());
        assertArrayEquals(new byte[] {2}, attachments.get(0));
        assertArrayEquals(new byte[] {1}, attachments.get(1));
        assertArrayEquals(new byte[0], attachments.get(2));
    }

    @Test
    void detectsBinaryAnywhere() {
        assertTrue(JsonWriter.hasBinary(obj("a", Json.arr(Json.of(1), obj("b", new Json.Bin(new byte[0]))))));
        assertFalse(JsonWriter.hasBinary(obj("a", Json.arr(Json.of(1), obj("b", Json.NULL)))));
    }
}
