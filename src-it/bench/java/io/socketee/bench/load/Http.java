package io.socketee.bench.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** A minimal HTTP/1.1 response parser (Content-Length or chunked bodies) for the polling client. Stateless. */
final class Http {
    private Http() {
    }

    /** One response: its status and its body as text. */
    record Response(int status, String body) {
    }

    /**
     * Takes one whole response from {@code in} (read mode), or returns null and leaves {@code in}
     * untouched when it is not all there yet (asking {@code conn} for room when it is large).
     */
    static Response parse(ByteBuffer in, Conn conn) {
        int start = in.position();
        int headEnd = find(in, start, "\r\n\r\n");
        if (headEnd < 0) {
            return null;
        }
        String head = ascii(in, start, headEnd);
        int status = Integer.parseInt(head.substring(9, 12));
        String lower = head.toLowerCase(Locale.ROOT);
        int bodyStart = headEnd + 4;
        int cl = lower.indexOf("\r\ncontent-length:");
        if (cl >= 0) {
            int end = lower.indexOf("\r\n", cl + 2);
            int length = Integer.parseInt(head.substring(cl + 17, end < 0 ? head.length() : end).trim());
            if (in.limit() < bodyStart + length) {
                conn.reserve(bodyStart + length - start);
                return null;
            }
            in.position(bodyStart + length);
            return new Response(status, utf8(in, bodyStart, bodyStart + length));
        }
        if (lower.contains("\r\ntransfer-encoding: chunked")) {
            return chunked(in, start, bodyStart, status, conn);
        }
        in.position(bodyStart);
        return new Response(status, "");
    }

    private static Response chunked(ByteBuffer in, int start, int at, int status, Conn conn) {
        StringBuilder body = new StringBuilder();
        int pos = at;
        while (true) {
            int lineEnd = find(in, pos, "\r\n");
            if (lineEnd < 0) {
                conn.reserve(in.limit() - start + 4096);
                return null;
            }
            String sizeText = ascii(in, pos, lineEnd);
            int semi = sizeText.indexOf(';');
            int size = Integer.parseInt((semi < 0 ? sizeText : sizeText.substring(0, semi)).trim(), 16);
            int dataStart = lineEnd + 2;
            if (in.limit() < dataStart + size + 2) {
                conn.reserve(dataStart + size + 2 - start + 4096);
                return null;
            }
            if (size == 0) {
                in.position(dataStart + 2);
                return new Response(status, body.toString());
            }
            body.append(utf8(in, dataStart, dataStart + size));
            pos = dataStart + size + 2;
        }
    }

    private static int find(ByteBuffer in, int from, String marker) {
        outer:
        for (int i = from; i + marker.length() <= in.limit(); i++) {
            for (int j = 0; j < marker.length(); j++) {
                if (in.get(i + j) != marker.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String ascii(ByteBuffer in, int from, int to) {
        byte[] bytes = new byte[to - from];
        in.get(from, bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    private static String utf8(ByteBuffer in, int from, int to) {
        byte[] bytes = new byte[to - from];
        in.get(from, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
