package io.socketee.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The log of the server under test, where a test can read it: Open Liberty's
 * {@code messages.log} and its FFDC folder, WildFly's {@code server.log}. Payara Micro logs to its
 * console, which the tests do not see: there is none.
 *
 * <p>Immutable; each {@link #mark} is a snapshot. Thread-safe.
 */
public final class ServerLog {

    private final Path file;
    private final Optional<Path> incidents;

    private ServerLog(Path file, Optional<Path> incidents) {
        this.file = file;
        this.incidents = incidents;
    }

    /** Where the log of the server of this run is, if the tests can read it. */
    public static Optional<ServerLog> ofThisServer() {
        String launch = System.getProperty("arquillian.launch", "");
        if (launch.startsWith("liberty")) {
            Path logs = Path.of(System.getProperty("socketee.liberty.wlpHome"), "usr", "servers",
                    System.getProperty("socketee.it.server"), "logs");
            return Optional.of(new ServerLog(logs.resolve("messages.log"), Optional.of(logs.resolve("ffdc"))));
        }
        if (launch.startsWith("wildfly")) {
            Path log = Path.of(System.getProperty("socketee.wildfly.baseDir"), "log", "server.log");
            return Optional.of(new ServerLog(log, Optional.empty()));
        }
        return Optional.empty();
    }

    /** How far the log has come: its length and the incident files there are now. */
    public record Mark(long length, Set<String> incidents) {
    }

    /** The log as it is now. */
    public Mark mark() {
        try {
            return new Mark(Files.exists(file) ? Files.size(file) : 0, incidentFiles());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the log got since {@code mark}: the lines written, then the names of new incident files. */
    public String since(Mark mark) {
        StringBuilder text = new StringBuilder();
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(mark.length());
            text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> added = new TreeSet<>(incidentFiles());
        added.removeAll(mark.incidents());
        added.forEach(name -> text.append("\nincident file: ").append(name));
        return text.toString();
    }

    private Set<String> incidentFiles() {
        if (incidents.isEmpty() || !Files.isDirectory(incidents.get())) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(incidents.get())) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
