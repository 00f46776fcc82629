package io.socketee.internal.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.internal.protocol.ProtocolException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The parser accepts exactly what {@code JSON.parse} accepts; expected texts are
 * {@code JSON.stringify(JSON.parse(input))} as printed by Node.js 20.
 */
class JsonParserTest {

    private static String roundTrip(String input) {
        return JsonWriter.write(JsonParser.parse(input, 64));
    }

    @Test
    void parsesValidDocumentsLikeJsonParse() {
        String[][] golden = {
            {"0", "0"}, {"-0", "0"}, {"-1.5", "-1.5"}, {"1E+2", "100"}, {"2e-7", "2e-7"},
            {"123456789012345678901234", "1.2345678901234569e+23"}, {"1e400", "null"}, {"-1e400", "null"},
            {"9007199254740993", "9007199254740992"}, {"4.9e-324", "5e-324"},
            {"true", "true"}, {"false", "false"}, {"null", "null"},
            {"\"\\u00e9\"", "\"é\""}, {"\"\\ud800\"", "\"\\ud800\""}, {"\"\\uDC00x\"", "\"\\udc00x\""},
            {"\"\\/\"", "\"/\""}, {"\"\\b\\f\\n\\r\\t\"", "\"\\b\\f\\n\\r\\t\""}, {"\"é\u2028\u007f\"", "\"é\u2028\u007f\""},
            {"\"\\ud83d\\ude00\"", "\"😀\""}, {" [ 1 , 2 ] ", "[1,2]"}, {"\t\n\r 1", "1"},
            {"[[[[]]]]", "[[[[]]]]"}, {"{\"a\":{\"b\":[{}]}}", "{\"a\":{\"b\":[{}]}}"},
            {"{\"1\":1,\"b\":2,\"0\":3,\"01\":4,\"a\":5,\"a\":6}", "{\"0\":3,\"1\":1,\"b\":2,\"01\":4,\"a\":6}"},
            {"{\"__proto__\":1}", "{\"__proto__\":1}"},
            {"{\"4294967295\":1,\"4294967294\":2,\"x\":3,\"10\":4,\"9\":5}",
                "{\"9\":5,\"10\":4,\"4294967294\":2,\"4294967295\":1,\"x\":3}"},
        };
        for (String[] g : golden) {
            assertEquals(g[1], roundTrip(g[0]), g[0]);
        }
    }

    @Test
    void rejectsWhatJsonParseRejects() {
        String[] bad = {
            "", " ", "01", "1.", ".5", "-", "+1", "0x10", "1e", "1e+", "nul", "truex", "'a'", "\"\\x\"", "\"\u0001\"",
            "\"\\u12\"", "\"\\u12G4\"", "\"abc", "\"\\", "[1,]", "[1 2]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}",
            "{\"a\":1", "[", "]", "\u00a01", "1 2", "[1]]", "{}{}", "NaN", "Infinity", "-Infinity", "\"\\u00e9\\\"",
        };
        for (String s : bad) {
            assertThrows(ProtocolException.class, () -> JsonParser.parse(s, 64), s);
        }
    }

    @Test
    void errorMessageNamesThePosition() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> JsonParser.parse("[1,x]", 8));
        assertTrue(e.getMessage().contains("position 3"), e.getMessage());
        assertEquals(ProtocolException.Kind.JSON, e.kind());
    }

    @Test
    void boundsNestingDepth() {
        assertEquals(Json.arr(Json.arr()), JsonParser.parse("[[]]", 2));
        assertThrows(ProtocolException.class, () -> JsonParser.parse("[[]]", 1));
        assertThrows(ProtocolException.class, () -> JsonParser.parse("{\"a\":{}}", 1));
        assertEquals(Json.of(1), JsonParser.parse("1", 0));
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThrows(ProtocolException.class, () -> JsonParser.parse(deep, 32));
    }

    @Test
    void parsesASubrangeOnly() {
        assertEquals(Json.arr(Json.of("a")), JsonParser.parse("2/x,[\"a\"]tail", 4, 9, 4));
    }

    @Test
    void buildsTheValueModel() {
        Json v = JsonParser.parse("{\"s\":\"x\",\"n\":-2.5,\"b\":true,\"z\":null,\"a\":[1]}", 4);
        Json.Obj o = (Json.Obj) v;
        assertEquals(List.of("s", "n", "b", "z", "a"), List.copyOf(o.fields().keySet()));
        assertEquals(Map.of("s", Json.of("x"), "n", Json.of(-2.5), "b", Json.TRUE, "z", Json.NULL,
                "a", Json.arr(Json.of(1))), o.fields());
    }

    @Test
    void duplicateKeyKeepsFirstPositionAndLastValue() {
        Json.Obj o = (Json.Obj) JsonParser.parse("{\"a\":1,\"b\":2,\"a\":3}", 4);
        assertEquals(List.of("a", "b"), List.copyOf(o.fields().keySet()));
        assertEquals(Json.of(3), o.fields().get("a"));
    }

    @Test
    void keepsLoneSurrogatesFromEscapesAndRawText() {
        assertEquals(Json.of("\ud800"), JsonParser.parse("\"\\ud800\"", 1));
        assertEquals(Json.of("x\udc00"), JsonParser.parse("\"x\udc00\"", 1));
    }
}
