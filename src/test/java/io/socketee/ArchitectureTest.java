package io.socketee;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.socketee.internal.engine.EngineListener;
import io.socketee.internal.protocol.json.Json;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/architecture.md, checked on the compiled main classes: a new dependency
 * that points up, or sideways between two branches (protocol &lt;- engine &lt;- transport;
 * protocol &lt;- sio &lt;- cdi), fails {@code mvn test} with the classes at both ends named.
 * {@link #LAYERS} lists what each layer may use: every layer below it, whether or not it uses it
 * today; a new package must be given a layer there before the build passes. The other rules:
 * the codec is pure, the engine knows nothing of Jakarta or Socket.IO, raw Engine.IO runs without
 * the Socket.IO layer, the emitter runs without a server (transitively), the public API names no
 * implementation type, and the packages have no dependency cycle.
 *
 * <p>Public only so that the signature rule sees {@link ApiWithABackEdge} as exposed.
 */
public class ArchitectureTest {
    private static final String PUBLIC_API = "Public API";
    private static final String EMITTER = "Emitter";
    private static final String PROTOCOL = "Protocol";
    private static final String CONCURRENCY = "Concurrency";
    private static final String METRICS = "Metrics";
    private static final String MAPPING = "Mapping";
    private static final String ENGINE = "Engine";
    private static final String TRANSPORT = "Transport";
    private static final String ADAPTER = "Adapter";
    private static final String SOCKET_IO = "Socket.IO";
    private static final String HANDLER = "Handler";
    private static final String CONFIG = "Config";
    private static final String ADMIN = "Admin UI";
    private static final String BOOTSTRAP = "Bootstrap";

    /** The packages whose public types applications use. */
    private static final String[] API_PACKAGES = {"io.socketee", "io.socketee.engine", "io.socketee.event",
        "io.socketee.middleware", "io.socketee.adapter", "io.socketee.emitter"};

    /** The main classes (not the tests, the jars or package-info); read once, never changed. */
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_PACKAGE_INFOS)
            .importPackages("io.socketee");

    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .ensureAllClassesAreContainedInArchitecture()
            .layer(PUBLIC_API).definedBy("io.socketee", "io.socketee.engine..", "io.socketee.event..",
                    "io.socketee.middleware..", "io.socketee.adapter..")
            .layer(EMITTER).definedBy("io.socketee.emitter..")
            .layer(PROTOCOL).definedBy("io.socketee.internal.protocol..")
            .layer(CONCURRENCY).definedBy("io.socketee.internal.concurrent..")
            .layer(METRICS).definedBy("io.socketee.internal.metrics..")
            .layer(MAPPING).definedBy("io.socketee.internal.mapping..")
            .layer(ENGINE).definedBy("io.socketee.internal.engine..")
            .layer(TRANSPORT).definedBy("io.socketee.internal.transport..")
            .layer(ADAPTER).definedBy("io.socketee.internal.adapter..")
            .layer(SOCKET_IO).definedBy("io.socketee.internal.sio..")
            .layer(HANDLER).definedBy("io.socketee.internal.handler..")
            .layer(CONFIG).definedBy("io.socketee.internal.config..")
            .layer(ADMIN).definedBy("io.socketee.internal.admin..")
            .layer(BOOTSTRAP).definedBy("io.socketee.internal.cdi..")
            // the public API names no implementation; the codec and the executor are the floor
            .whereLayer(PUBLIC_API).mayNotAccessAnyLayer()
            .whereLayer(PROTOCOL).mayNotAccessAnyLayer()
            .whereLayer(CONCURRENCY).mayNotAccessAnyLayer()
            .whereLayer(METRICS).mayNotAccessAnyLayer()
            .whereLayer(MAPPING).mayOnlyAccessLayers(PROTOCOL, PUBLIC_API)
            // protocol <- engine <- transport: the engine knows nothing of Socket.IO or of the API
            .whereLayer(ENGINE).mayOnlyAccessLayers(PROTOCOL, CONCURRENCY, METRICS)
            .whereLayer(TRANSPORT).mayOnlyAccessLayers(ENGINE, PROTOCOL, CONCURRENCY, METRICS)
            // the adapter never touches a connection: no engine, transport or Socket.IO layer
            .whereLayer(ADAPTER).mayOnlyAccessLayers(PROTOCOL, MAPPING, CONCURRENCY, METRICS, PUBLIC_API)
            // protocol <- sio <- cdi
            .whereLayer(SOCKET_IO).mayOnlyAccessLayers(ADAPTER, ENGINE, MAPPING, PROTOCOL, CONCURRENCY, METRICS, PUBLIC_API)
            .whereLayer(HANDLER).mayOnlyAccessLayers(MAPPING, PROTOCOL, CONCURRENCY, PUBLIC_API)
            .whereLayer(CONFIG).mayOnlyAccessLayers(ENGINE, PROTOCOL, CONCURRENCY, METRICS, PUBLIC_API)
            // the emitter runs without a server (see also emitterRunsWithoutAServer)
            .whereLayer(EMITTER).mayOnlyAccessLayers(ADAPTER, MAPPING, PROTOCOL, CONCURRENCY, PUBLIC_API)
            // the admin UI observes the Socket.IO layer and talks to it through the public API
            .whereLayer(ADMIN).mayOnlyAccessLayers(SOCKET_IO, CONFIG, CONCURRENCY, PUBLIC_API)
            .whereLayer(BOOTSTRAP).mayOnlyAccessLayers(ADMIN, TRANSPORT, SOCKET_IO, HANDLER, CONFIG, ADAPTER, ENGINE, MAPPING,
                    PROTOCOL, CONCURRENCY, METRICS, PUBLIC_API)
            .whereLayer(BOOTSTRAP).mayNotBeAccessedByAnyLayer()
            .whereLayer(EMITTER).mayNotBeAccessedByAnyLayer()
            .because("dependencies point down only (docs/architecture.md#layers)");

    static final ArchRule API_NAMES_NO_IMPLEMENTATION = classes().that().resideInAnyPackage(API_PACKAGES)
            .should(nameNoImplementationTypeInTheirSignatures())
            .because("the public API exposes only JDK, Jakarta and its own types (docs/architecture.md#layers)");

    @Test
    void dependenciesPointDownOnly() {
        LAYERS.check(MAIN);
    }

    @Test
    void theCodecKnowsNothingOfJakartaIoThreadsOrClocks() {
        classes().that().resideInAPackage("io.socketee.internal.protocol..")
                // java.nio.charset for UTF-8 tables (msgpack strings), no channel or buffer I/O
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.socketee.internal.protocol..", "java.lang",
                        "java.util", "java.math", "java.nio.charset")
                .because("the codec is pure: text and bytes in, records out (docs/architecture.md#layers)")
                .check(MAIN);
        noClasses().that().resideInAPackage("io.socketee.internal.protocol..")
                .should().dependOnClassesThat().belongToAnyOf(Thread.class)
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .because("the codec is pure: text and bytes in, records out (docs/architecture.md#layers)")
                .check(MAIN);
    }

    @Test
    void theEngineKnowsNothingOfJakartaOrSocketIo() {
        noClasses().that().resideInAPackage("io.socketee.internal.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.socketee.internal.protocol.socketio..")
                .because("the servlet and the WebSocket endpoint only move bytes (docs/architecture.md#layers)")
                .check(MAIN);
    }

    @Test
    void rawEngineIoConnectionsRunWithoutTheSocketIoLayer() {
        noClasses().that().implement(EngineListener.class).and().resideOutsideOfPackage("io.socketee.internal.sio..")
                .should().dependOnClassesThat().resideInAPackage("io.socketee.internal.sio..")
                .because("an @EngineIoEndpoint application has no Socket.IO layer; what both need, such as the"
                        + " SerialExecutor, lives below both (internal.concurrent)")
                .check(MAIN);
    }

    @Test
    void emitterRunsWithoutAServer() {
        noClasses().that().resideInAPackage("io.socketee.emitter..")
                .should().transitivelyDependOnClassesThat().resideInAnyPackage("io.socketee.internal.engine..",
                        "io.socketee.internal.transport..", "io.socketee.internal.sio..", "io.socketee.internal.cdi..",
                        "io.socketee.internal.handler..", "io.socketee.internal.config..")
                .because("the emitter is for processes that are not Socket.IO servers")
                .check(MAIN);
    }

    @Test
    void publicApiNamesNoImplementationType() {
        API_NAMES_NO_IMPLEMENTATION.check(MAIN);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("io.socketee.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theRulesReportABackEdgeNamingBothEnds() {
        JavaClasses withBackEdge = new ClassFileImporter().importClasses(ApiWithABackEdge.class, ArchitectureTest.class,
                Json.class);

        String layers = LAYERS.evaluate(withBackEdge).getFailureReport().toString();
        assertTrue(layers.contains(ApiWithABackEdge.class.getName() + ".leak()") && layers.contains(Json.class.getName()),
                layers);
        String signatures = API_NAMES_NO_IMPLEMENTATION.evaluate(withBackEdge).getFailureReport().toString();
        assertTrue(signatures.contains(ApiWithABackEdge.class.getName() + ".leak()")
                && signatures.contains(Json.class.getName()), signatures);
    }

    /**
     * A public API type that names the codec's {@code Json} in a public method: the back-edge
     * {@link #theRulesReportABackEdgeNamingBothEnds} feeds the rules. A test class, never among
     * {@link #MAIN}.
     */
    public static final class ApiWithABackEdge {
        /** Returns an implementation type. */
        public Json leak() {
            return Json.NULL;
        }
    }

    /**
     * The types a public or protected member of an exposed class names (parameters, results,
     * fields, exceptions, type parameters and arguments, annotations), and the class's own
     * supertypes and annotations, lie outside {@code io.socketee.internal}.
     */
    private static ArchCondition<JavaClass> nameNoImplementationTypeInTheirSignatures() {
        return new ArchCondition<>("name no io.socketee.internal type in their signatures") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                if (!exposed(c)) {
                    return;
                }
                reportInternal(c.getName(), supertypesAndAnnotations(c), events, c);
                for (JavaMember m : c.getMembers()) {
                    Set<JavaModifier> mods = m.getModifiers();
                    if (mods.contains(JavaModifier.SYNTHETIC)
                            || !(mods.contains(JavaModifier.PUBLIC) || mods.contains(JavaModifier.PROTECTED))) {
                        continue;
                    }
                    reportInternal(m.getFullName(), named(m), events, c);
                }
            }
        };
    }

    /** Public, and nested only in public classes. */
    private static boolean exposed(JavaClass c) {
        for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
            if (!k.getModifiers().contains(JavaModifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    private static Set<JavaClass> supertypesAndAnnotations(JavaClass c) {
        Set<JavaClass> types = new LinkedHashSet<>();
        c.getSuperclass().ifPresent(s -> types.addAll(s.getAllInvolvedRawTypes()));
        for (JavaType i : c.getInterfaces()) {
            types.addAll(i.getAllInvolvedRawTypes());
        }
        c.getTypeParameters().forEach(p -> types.addAll(p.getAllInvolvedRawTypes()));
        c.getAnnotations().forEach(a -> types.add(a.getRawType()));
        return types;
    }

    private static Set<JavaClass> named(JavaMember m) {
        Set<JavaClass> types = new LinkedHashSet<>(m.getAllInvolvedRawTypes());
        if (m instanceof JavaCodeUnit code) {
            types.addAll(code.getThrowsClause().getTypes());
        }
        if (m instanceof JavaField || m instanceof JavaCodeUnit) {
            m.getAnnotations().forEach(a -> types.add(a.getRawType()));
        }
        return types;
    }

    private static void reportInternal(String where, Set<JavaClass> types, ConditionEvents events, JavaClass owner) {
        List<JavaClass> internal = types.stream().filter(t -> t.getPackageName().startsWith("io.socketee.internal"))
                .toList();
        for (JavaClass t : internal) {
            events.add(SimpleConditionEvent.violated(owner, where + " names the implementation type " + t.getName()));
        }
    }
}
