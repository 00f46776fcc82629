package io.socketee.internal.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The reference's {@code httpCompression} option: the body of a polling response of at least
 * {@code threshold} bytes is compressed with gzip or deflate, whichever the request's
 * {@code Accept-Encoding} prefers; smaller bodies, and requests that accept neither, get the
 * body as it is. Immutable and thread-safe.
 *
 * @param enabled whether polling responses are compressed at all
 * @param threshold the smallest body, in bytes, that is compressed
 */
public record HttpCompression(boolean enabled, int threshold) {
    /** The reference's default: on, from 1024 bytes. */
    public static final HttpCompression DEFAULT = new HttpCompression(true, 1024);
    /** Never compress. */
    public static final HttpCompression OFF = new HttpCompression(false, 1024);

    public HttpCompression {
        if (threshold < 0) {
            throw new IllegalArgumentException("threshold must not be negative");
        }
    }

    /** An HTTP content coding the server can apply. */
    public enum Coding {
        /** RFC 1952 gzip. */
        GZIP("gzip"),
        /** RFC 1950 zlib stream, which HTTP calls "deflate". */
        DEFLATE("deflate");

        private final String token;

        Coding(String token) {
            this.token = token;
        }

        /** The Content-Encoding token. */
        public String token() {
            return token;
        }

        /** {@code body} in this coding, at zlib's default level. */
        public byte[] encode(byte[] body) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(Math.max(64, body.length / 4));
            try (OutputStream out = this == GZIP ? new GZIPOutputStream(buffer) : new DeflaterOutputStream(buffer)) {
                out.write(body);
            } catch (IOException e) {
                throw new UncheckedIOException("in-memory compression failed", e);
            }
            return buffer.toByteArray();
        }
    }

    /**
     * A response body and the coding it is in.
     *
     * @param bytes the bytes to send
     * @param coding the Content-Encoding of {@code bytes}; empty for the body as it was
     */
    public record Encoded(byte[] bytes, Optional<Coding> coding) {
    }

    /**
     * The coding a body of {@code length} bytes gets for a request with this
     * {@code Accept-Encoding} header (if any); empty to send it as it is.
     */
    public Optional<Coding> choose(int length, Optional<String> acceptEncoding) {
        if (!enabled || length < threshold) {
            return Optional.empty();
        }
        return acceptEncoding.flatMap(HttpCompression::preferred);
    }

    /** The body to send for a request with this {@code Accept-Encoding} header (if any). */
    public Encoded apply(byte[] body, Optional<String> acceptEncoding) {
        Optional<Coding> coding = choose(body.length, acceptEncoding);
        return coding.map(c -> new Encoded(c.encode(body), coding)).orElseGet(() -> new Encoded(body, coding));
    }

    /**
     * The coding an {@code Accept-Encoding} header prefers among gzip and deflate, if it accepts
     * either: the higher quality wins, then a coding named over one matched by {@code *}, then
     * the one the client lists first, then gzip. A quality of 0 refuses the coding.
     */
    public static Optional<Coding> preferred(String acceptEncoding) {
        List<Candidate> candidates = new java.util.ArrayList<>();
        String[] entries = acceptEncoding.split(",");
        for (Coding coding : Coding.values()) {
            Candidate best = null;
            for (int i = 0; i < entries.length; i++) {
                String[] parts = entries[i].split(";");
                String name = parts[0].trim().toLowerCase(Locale.ROOT);
                int specificity = name.equals(coding.token()) ? 1 : name.equals("*") ? 0 : -1;
                if (specificity < 0) {
                    continue;
                }
                Candidate c = new Candidate(coding, quality(parts), specificity, i);
                if (best == null || c.specificity() > best.specificity()) {
                    best = c;
                }
            }
            if (best != null && best.quality() > 0) {
                candidates.add(best);
            }
        }
        return candidates.stream()
                .min(Comparator.comparingDouble(Candidate::quality).reversed()
                        .thenComparing(Comparator.comparingInt(Candidate::specificity).reversed())
                        .thenComparingInt(Candidate::position)
                        .thenComparing(Candidate::coding))
                .map(Candidate::coding);
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
                try {
                    return Double.parseDouble(p.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    private record Candidate(Coding coding, double quality, int specificity, int position) {
    }
}
