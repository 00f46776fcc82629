package io.socketee.it.examples;

import io.socketee.it.support.ItDeployment;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The demo WAR of {@code mvn -Pdemo package}, built for Arquillian: the library jar, the demo
 * classes ({@code io.socketee.demo}, without their unit tests), the pages of
 * {@code src-it/demo/webapp} and the demo's own MicroProfile Config. Stateless.
 */
final class ExampleDeployment {
    /** System property (set by failsafe) naming {@code src-it/demo}. */
    static final String DEMO_DIR_PROPERTY = "socketee.demo.dir";

    private ExampleDeployment() {
    }

    static WebArchive demo(String warName) {
        Path demo = demoDir();
        WebArchive war = ShrinkWrap.create(WebArchive.class, warName)
                .addAsLibrary(ItDeployment.libraryJar())
                .addPackages(true, Filters.exclude(".*Test(\\$.*)?\\.class"), "io.socketee.demo")
                .addAsResource(demo.resolve("resources/META-INF/microprofile-config.properties").toFile(),
                        "META-INF/microprofile-config.properties");
        war.merge(ShrinkWrap.create(ExplodedImporter.class).importDirectory(demo.resolve("webapp").toFile())
                .as(WebArchive.class));
        return war;
    }

    private static Path demoDir() {
        String value = System.getProperty(DEMO_DIR_PROPERTY);
        Path dir = value == null || value.isBlank() ? Path.of("src-it", "demo") : Path.of(value);
        if (!Files.isRegularFile(dir.resolve("webapp" + File.separator + "index.html"))) {
            throw new IllegalStateException(DEMO_DIR_PROPERTY + "=" + dir.toAbsolutePath()
                    + " does not hold the demo (no webapp/index.html): run with `mvn verify`");
        }
        return dir;
    }
}
