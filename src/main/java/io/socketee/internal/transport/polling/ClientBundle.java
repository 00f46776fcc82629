package io.socketee.internal.transport.polling;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Serves the socket.io-client browser bundle packaged in the jar at build time (from the npm
 * {@code socket.io-client} dist), as the reference server's {@code serveClient} does: the same
 * file names, {@code ETag} of the client version, 304 on a match, gzip when accepted.
 *
 * <p>Thread-safe: files are read once and cached.
 */
public final class ClientBundle {
    /** Where the build puts the dist files inside the jar. */
    static final String RESOURCE_DIR = "META-INF/socketee/client-dist/";
    /** The packaged client's version, which is also its ETag. */
    static final String VERSION = "4.8.1";
    private static final Pattern FILE =
            Pattern.compile("/socket\\.io(\\.msgpack|\\.esm)?(\\.min)?\\.js(\\.map)?");

    /** A file ready to send. */
    record File(byte[] plain, byte[] gzipped, boolean map) {
    }

    private final ClassLoader loader;
    private final Map<String, Optional<File>> cache = new ConcurrentHashMap<>();

    /** A bundle read from the given class loader. */
    public ClientBundle(ClassLoader loader) {
        this.loader = loader;
    }

    /** Whether the path (after the engine path) names a client file. */
    static boolean matches(String pathInfo) {
        return pathInfo != null && FILE.matcher(pathInfo).matches();
    }

    /** The file for a matching path, if it is packaged. */
    Optional<File> file(String pathInfo) {
        return cache.computeIfAbsent(pathInfo, this::load);
    }

    static String etag() {
        return "\"" + VERSION + "\"";
    }

    private Optional<File> load(String pathInfo) {
        try (InputStream in = loader.getResourceAsStream(RESOURCE_DIR + pathInfo.substring(1))) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] plain = in.readAllBytes();
            ByteArrayOutputStream gz = new ByteArrayOutputStream(plain.length / 3);
            try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
                out.write(plain);
            }
            return Optional.of(new File(plain, gz.toByteArray(), pathInfo.endsWith(".map")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
