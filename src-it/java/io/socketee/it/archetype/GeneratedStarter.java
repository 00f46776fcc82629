package io.socketee.it.archetype;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A project generated from this build's {@code io.socketee:socketee-archetype} and built with
 * Maven as a user would: this build's library and archetype jars are installed into the local
 * Maven repository (as {@code mvn install} would), then {@code mvn archetype:generate} and
 * {@code mvn package} run in {@code <socketee.it.tmpDir>/archetype/}. Done once per build: the
 * WAR is reused while it is newer than the archetype jar, so the three servers' runs share it.
 *
 * <p>Stateless; not for concurrent use by two JVMs on the same build folder (the test JVMs of
 * one build run one after another).
 */
final class GeneratedStarter {
    static final String ARTIFACT_ID = "starter-chat";
    private static final long MAVEN_TIMEOUT_MINUTES = 10;

    private GeneratedStarter() {
    }

    /** The generated project's WAR, generating and building it when this build has not yet. */
    static Path war() {
        Path dir = Path.of(System.getProperty("socketee.it.tmpDir", "target/it-tmp")).resolve("archetype").toAbsolutePath();
        Path archetypeJar = Path.of(required("socketee.archetype.jar"));
        Path war = dir.resolve(ARTIFACT_ID).resolve("target").resolve(ARTIFACT_ID + ".war");
        try {
            if (Files.exists(war) && Files.getLastModifiedTime(war).compareTo(Files.getLastModifiedTime(archetypeJar)) > 0) {
                return war;
            }
            deleteTree(dir);
            Files.createDirectories(dir);
            String version = required("socketee.version");
            String install = "org.apache.maven.plugins:maven-install-plugin:3.1.3:install-file";
            maven(dir, dir, "install-library", install, "-Dfile=" + required("socketee.jar"),
                    "-DpomFile=" + required("socketee.consumerPom"));
            maven(dir, dir, "install-archetype", install, "-Dfile=" + archetypeJar, "-DgroupId=io.socketee",
                    "-DartifactId=socketee-archetype", "-Dversion=" + version, "-Dpackaging=jar", "-DgeneratePom=true");
            maven(dir, dir, "generate", "archetype:generate", "-DinteractiveMode=false", "-DarchetypeGroupId=io.socketee",
                    "-DarchetypeArtifactId=socketee-archetype", "-DarchetypeVersion=" + version,
                    "-DgroupId=com.example", "-DartifactId=" + ARTIFACT_ID, "-Dversion=1.0-SNAPSHOT",
                    "-Dpackage=com.example.chat");
            maven(dir.resolve(ARTIFACT_ID), dir, "package", "package");
            if (!Files.isRegularFile(war)) {
                throw new IllegalStateException("the generated project built no " + war);
            }
            return war;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code mvn goals...} in {@code workDir}, its output in {@code logDir}/mvn-{@code step}.log. */
    private static void maven(Path workDir, Path logDir, String step, String... goals) throws IOException {
        List<String> command = new ArrayList<>(List.of("mvn", "--batch-mode", "--no-transfer-progress"));
        command.addAll(List.of(goals));
        Path log = logDir.resolve("mvn-" + step + ".log");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        try {
            if (!process.waitFor(MAVEN_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("mvn " + step + " did not end within " + MAVEN_TIMEOUT_MINUTES + " minutes; see " + log);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during mvn " + step, e);
        }
        if (process.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log);
            throw new IllegalStateException("mvn " + step + " failed (" + process.exitValue() + "), " + log + " ends with:\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (pom.xml, maven-failsafe-plugin)");
        }
        return value;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
