package io.socketee.internal.protocol.json;

import static io.socketee.internal.protocol.ProtocolException.Kind.JSON;

import io.socketee.internal.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON parser that accepts exactly what JavaScript's {@code JSON.parse} accepts (RFC 8259
 * grammar, whitespace limited to space, tab, LF and CR) and builds {@link Json} values.
 *
 * <p>Like {@code JSON.parse}: numbers become doubles rounded to nearest ({@code 1e400} is
 * Infinity), {@code &#92;u} escapes may produce lone surrogates, a duplicate key keeps its first
 * position but takes the last value, and object keys come out in JavaScript property order
 * (array-index keys such as {@code "7"} first, ascending, then the others in insertion order).
 *
 * <p>Bounded: arrays and objects may nest at most {@code maxDepth} levels (recursion depth is
 * proportional to it), and work is linear in the input. Every error is a
 * {@link ProtocolException} naming the position. Stateless entry points; each call uses its own
 * private cursor, so the class is thread-safe.
 */
public final class JsonParser {
    private final String s;
    private final int end;
    private final int maxDepth;
    private int pos;

    private JsonParser(String s, int start, int end, int maxDepth) {
        this.s = s;
        this.pos = start;
        this.end = end;
        this.maxDepth = maxDepth;
    }

    /** Parses the whole text as one JSON value. */
    public static Json parse(String text, int maxDepth) {
        return parse(text, 0, text.length(), maxDepth);
    }

    /**
     * Parses {@code text[start, end)} as one JSON value (leading and trailing JSON whitespace
     * allowed, nothing else).
     *
     * @param maxDepth the deepest array/object nesting accepted; 0 admits only scalars
     * @throws ProtocolException when the range is not exactly one valid JSON value
     */
    public static Json parse(String text, int start, int end, int maxDepth) {
        if (start < 0 || end > text.length() || start > end || maxDepth < 0) {
            throw new IllegalArgumentException("bad range or depth");
        }
        JsonParser p = new JsonParser(text, start, end, maxDepth);
        p.skipWhitespace();
        Json value = p.value(0);
        p.skipWhitespace();
        if (p.pos != end) {
            throw p.error("unexpected trailing character");
        }
        return value;
    }

    private Json value(int depth) {
        if (pos >= end) {
            throw error("unexpected end of input");
        }
        char c = s.charAt(pos);
        switch (c) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return new Json.Str(string());
            case 't':
                literal("true");
                return Json.TRUE;
            case 'f':
                literal("false");
                return Json.FALSE;
            case 'n':
                literal("null");
                return Json.NULL;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected character");
        }
    }

    private Json object(int depth) {
        checkDepth(depth);
        pos++;
        Map<String, Json> fields = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return new Json.Obj(fields);
        }
        while (true) {
            if (peek() != '"') {
                throw error("expected a string key");
            }
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            fields.put(key, value(depth));
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == '}') {
                return new Json.Obj(JsKeys.inPropertyOrder(fields));
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}'");
            }
            skipWhitespace();
        }
    }

    private Json array(int depth) {
        checkDepth(depth);
        pos++;
        List<Json> items = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return new Json.Arr(items);
        }
        while (true) {
            items.add(value(depth));
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == ']') {
                return new Json.Arr(items);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']'");
            }
            skipWhitespace();
        }
    }

    private void checkDepth(int depth) {
        if (depth > maxDepth) {
            throw error("nesting deeper than " + maxDepth);
        }
    }

    private String string() {
        int start = ++pos;
        while (pos < end) {
            char c = s.charAt(pos);
            if (c == '"') {
                return s.substring(start, pos++);
            }
            if (c == '\\' || c < 0x20) {
                break;
            }
            pos++;
        }
        StringBuilder sb = new StringBuilder(pos - start + 16).append(s, start, pos);
        while (pos < end) {
            char c = s.charAt(pos);
            if (c == '"') {
                pos++;
                return sb.toString();
            }
            if (c < 0x20) {
                throw error("control character in string");
            }
            if (c == '\\') {
                escape(sb);
            } else {
                sb.append(c);
                pos++;
            }
        }
        throw error("unterminated string");
    }

    private void escape(StringBuilder sb) {
        if (pos + 1 >= end) {
            throw error("unterminated escape");
        }
        char e = s.charAt(pos + 1);
        pos += 2;
        switch (e) {
            case '"', '\\', '/' -> sb.append(e);
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'u' -> sb.append(hex4());
            default -> {
                pos -= 1;
                throw error("bad escape");
            }
        }
    }

    private char hex4() {
        if (pos + 4 > end) {
            throw error("truncated \\u escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(s.charAt(pos), 16);
            if (d < 0 || s.charAt(pos) > 'f') {
                throw error("bad hex digit in \\u escape");
            }
            v = (v << 4) | d;
            pos++;
        }
        return (char) v;
    }

    private Json number() {
        int start = pos;
        boolean integral = true;
        if (s.charAt(pos) == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            skipDigits();
        } else {
            throw error("bad number");
        }
        if (peek() == '.') {
            pos++;
            integral = false;
            requireDigits();
        }
        char c = peek();
        if (c == 'e' || c == 'E') {
            pos++;
            integral = false;
            c = peek();
            if (c == '+' || c == '-') {
                pos++;
            }
            requireDigits();
        }
        return new Json.Num(toDouble(start, integral));
    }

    private double toDouble(int start, boolean integral) {
        boolean negative = s.charAt(start) == '-';
        int first = negative ? start + 1 : start;
        if (integral && pos - first <= 15) {
            long v = 0;
            for (int i = first; i < pos; i++) {
                v = v * 10 + (s.charAt(i) - '0');
            }
            double d = v;
            return negative ? -d : d;
        }
        return Double.parseDouble(s.substring(start, pos));
    }

    private void requireDigits() {
        if (!isDigit(peek())) {
            throw error("bad number");
        }
        skipDigits();
    }

    private void skipDigits() {
        while (pos < end && isDigit(s.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void literal(String word) {
        if (!s.startsWith(word, pos) || pos + word.length() > end) {
            throw error("bad literal");
        }
        pos += word.length();
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    /** The current character, or 0xFFFF at the end (never a valid JSON token start). */
    private char peek() {
        return pos < end ? s.charAt(pos) : '\uffff';
    }

    private void skipWhitespace() {
        while (pos < end) {
            char c = s.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private ProtocolException error(String what) {
        String at = pos < end ? "'" + printable(s.charAt(pos)) + "'" : "end of input";
        return new ProtocolException(JSON, "JSON: " + what + " at position " + pos + " (" + at + ")");
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf(c) : "\\u" + Integer.toHexString(0x10000 | c).substring(1);
    }
}
