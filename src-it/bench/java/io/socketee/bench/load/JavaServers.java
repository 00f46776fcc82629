package io.socketee.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The command lines that run the benchmark WAR at {@code /} on Payara Micro and on WildFly, each
 * from a fresh folder under the output directory, loopback only, with the server's default JVM
 * settings, and the copy of the Liberty server that runs it a second time. Stateless.
 */
final class JavaServers {
    private JavaServers() {
    }

    /**
     * A fresh copy of the benchmark's Liberty server ({@code libertyServer}) named
     * {@code <libertyServer>-<suffix>}, listening on {@code port}: the same server.xml, WAR and JVM
     * settings, so that a second SocketEE on Liberty can run beside the first with other
     * MicroProfile Config values (given in its environment). Returns the copy's name.
     */
    static String libertyCopy(Options o, String suffix, int port) {
        Path servers = o.path("wlpHome").resolve("usr/servers");
        Path from = servers.resolve(o.str("libertyServer"));
        String name = o.str("libertyServer") + "-" + suffix;
        Path to = fresh(servers.resolve(name));
        try {
            for (String file : List.of("server.xml", "server.env", "bootstrap.properties", "jvm.options")) {
                if (Files.exists(from.resolve(file))) {
                    copy(from.resolve(file), to.resolve(file));
                }
            }
            Path overrides = from.resolve("configDropins/overrides");
            if (Files.isDirectory(overrides)) {
                copyTree(overrides, to.resolve("configDropins/overrides"));
            }
            // the Liberty Maven plugin puts the port in a variable override; the server.xml default otherwise
            String portVar = "<variable name=\"socketee.http.port\" value=\"" + port + "\"/>";
            Path mine = to.resolve("configDropins/overrides/zz-bench-port.xml");
            Files.createDirectories(mine.getParent());
            Files.writeString(mine, "<server>" + portVar + "</server>\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return name;
    }

    /** Payara Micro with the WAR as ROOT.war (context root {@code /}), no clustering, on {@code port}. */
    static List<String> payara(Options o, int port) {
        Path dir = fresh(o.path("out").resolve("payara"));
        Path war = copy(o.path("benchWar"), dir.resolve("ROOT.war"));
        // the integration tests' pre-boot commands: loopback only, no Hazelcast
        return List.of("java", "-jar", o.path("payaraJar").toString(), "--deploy", war.toString(), "--port",
                String.valueOf(port), "--nocluster", "--rootdir", dir.resolve("root").toString(),
                "--prebootcommandfile", o.path("payaraPreboot").toString());
    }

    /**
     * WildFly's standalone-microprofile configuration from a copy (without welcome content at
     * {@code /}, which 39 has not there anyway), with the WAR as ROOT.war in the copy's deployments.
     */
    static List<String> wildfly(Options o, int port) {
        Path home = o.path("wildflyHome");
        Path base = fresh(o.path("out").resolve("wildfly-base"));
        copyTree(home.resolve("standalone/configuration"), base.resolve("configuration"));
        Path config = base.resolve("configuration/standalone-microprofile.xml");
        try {
            // distributions that serve welcome content at / would refuse a ROOT.war
            String xml = Files.readString(config);
            Files.writeString(config, xml.replace("<location name=\"/\" handler=\"welcome-content\"/>", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        copy(o.path("benchWar"), base.resolve("deployments/ROOT.war"));
        return List.of(home.resolve("bin/standalone.sh").toString(), "-c", "standalone-microprofile.xml",
                "-Djboss.server.base.dir=" + base, "-Djboss.bind.address=127.0.0.1",
                "-Djboss.bind.address.management=127.0.0.1", "-Djboss.http.port=" + port, "-Djboss.https.port=0",
                "-Djboss.management.http.port=" + o.integer("wildflyManagementPort"));
    }

    /** {@code dir}, emptied if it exists, else created. */
    static Path fresh(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> all = Files.walk(dir)) {
                    all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            return Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
