package dev.incidentconsole.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering rules of docs/architecture.md: {@code app -> modules/*}, never back, and no JavaFX in the
 * modules at all. Runs on the compiled classes of every module on the app's classpath.
 */
class ArchitectureTest {
    private static final String[] MODULES = {"dev.incidentconsole.shell..", "dev.incidentconsole.runbook..",
            "dev.incidentconsole.search..", "dev.incidentconsole.health..", "dev.incidentconsole.exec..",
            "dev.incidentconsole.incident.."};
    /** The app's packages the command line uses: they must load without the window or JavaFX. */
    private static final String[] HEADLESS_APP = {"dev.incidentconsole.app.cli..",
            "dev.incidentconsole.app.incident..", "dev.incidentconsole.app.settings..",
            "dev.incidentconsole.app.targets..", "dev.incidentconsole.app.services..",
            "dev.incidentconsole.app.links.."};
    private static final String[] UI_TOOLKITS = {"javafx..", "org.controlsfx..", "atlantafx..",
            "org.kordamp.ikonli..", "org.testfx.."};
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.incidentconsole");
    }

    @Test
    void everyModuleOnTheClasspathIsChecked() {
        // Guards against the rules passing vacuously because a module's classes were not imported.
        assertThat(classes.stream().map(c -> c.getPackageName()))
                .anyMatch(p -> p.startsWith("dev.incidentconsole.shell"))
                .anyMatch(p -> p.startsWith("dev.incidentconsole.runbook"))
                .anyMatch(p -> p.startsWith("dev.incidentconsole.app"));
    }

    @Test
    void modulesDoNotUseJavaFx() {
        noClasses().that().resideInAnyPackage(MODULES)
                .should().dependOnClassesThat().resideInAnyPackage(UI_TOOLKITS)
                .check(classes);
    }

    @Test
    void headlessAppPackagesDoNotUseTheGuiOrJavaFx() {
        noClasses().that().resideInAnyPackage(HEADLESS_APP)
                .should().dependOnClassesThat().resideInAPackage("dev.incidentconsole.app.gui..")
                .orShould().dependOnClassesThat().resideInAnyPackage(UI_TOOLKITS)
                .because("the CLI runs without starting JavaFX; what it shares with the window lives outside app.gui")
                .check(classes);
    }

    @Test
    void everyHeadlessAppPackageHasClasses() {
        // A renamed or emptied package would otherwise drop out of the rule above without a sound.
        for (String pkg : HEADLESS_APP) {
            String name = pkg.substring(0, pkg.length() - 2);
            assertThat(classes.stream().map(c -> c.getPackageName())).as(name).anyMatch(p -> p.equals(name));
        }
    }

    @Test
    void moduleSourcesDoNotImportJavaFx() throws IOException {
        // Bytecode misses an unused import; the source check catches it (and any module not on the classpath).
        Path modules = Path.of(System.getProperty("incident.project.dir", "..")).resolve("modules");
        assertThat(modules).isDirectory();
        try (Stream<Path> files = Files.walk(modules)) {
            List<String> offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> f.toString().contains("/src/main/"))
                    .filter(ArchitectureTest::importsJavaFx)
                    .map(Path::toString).toList();
            assertThat(offenders).as("modules/* must stay free of JavaFX").isEmpty();
        }
    }

    private static boolean importsJavaFx(Path file) {
        try {
            return Files.readAllLines(file).stream().anyMatch(l -> l.startsWith("import javafx.")
                    || l.startsWith("import static javafx.") || l.startsWith("import dev.incidentconsole.app."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void modulesDoNotUseTheApp() {
        noClasses().that().resideInAnyPackage(MODULES)
                .should().dependOnClassesThat().resideInAPackage("dev.incidentconsole.app..")
                .check(classes);
    }

    /** The module map of docs/architecture.md: each module and the other modules it may use. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} uses only {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "shell    | ''",
        "runbook  | shell",
        "search   | runbook",
        "health   | runbook exec shell",
        "exec     | runbook shell",
        "incident | runbook",
    })
    void modulesUseOnlyTheModulesOfTheMap(String module, String allowed) {
        List<String> others = Stream.of(MODULES).map(m -> m.substring("dev.incidentconsole.".length(), m.length() - 2))
                .filter(m -> !m.equals(module) && !List.of(allowed.split(" ")).contains(m))
                .map(m -> "dev.incidentconsole." + m + "..").toList();
        noClasses().that().resideInAPackage("dev.incidentconsole." + module + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others.toArray(String[]::new))
                .check(classes);
    }

    @Test
    void modulesHaveNoCycles() {
        slices().matching("dev.incidentconsole.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void guiFeaturePackagesHaveNoCycles() {
        // The top-level rule above sees all of app as one slice; features growing into each other hide inside it.
        slices().matching("dev.incidentconsole.app.gui.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void guiUtilUsesNoOtherGuiPackage() {
        // What features share sits below them all, so sharing it cannot close a cycle.
        noClasses().that().resideInAPackage("dev.incidentconsole.app.gui.util..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.incidentconsole.app.gui..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("dev.incidentconsole.app.gui.util.."))))
                .check(classes);
    }

    @Test
    void viewModelsDoNotUseSceneGraphClasses() {
        classes().that().haveSimpleNameEndingWith("ViewModel")
                .should().onlyDependOnClassesThat().resideOutsideOfPackage("javafx.scene..")
                .because("view models hold state and logic testable without a screen; views own the controls")
                .check(classes);
    }

    @Test
    void thereAreViewModelsToCheck() {
        assertThat(classes.stream().filter(c -> c.getSimpleName().endsWith("ViewModel"))).hasSizeGreaterThan(5);
    }

    @Test
    void onlyTheCommandLineWritesToTheStandardStreams() {
        noClasses().that().resideOutsideOfPackage("dev.incidentconsole.app.cli..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .because("everything else logs through SLF4J; the CLI's output is its interface")
                .check(classes);
    }

    /**
     * Reads the process's launch settings: system properties or environment variables, called or referenced. The
     * app and the modules that take what they need through their API (health's environment files and port-table
     * checks get the variables from the app; incident's stores get their data folder from it; exec's runner gets
     * the user's home, name, variables and temporary folder as a {@code LocalUser} in its settings; search's
     * temporary indexes get that temporary folder too).
     */
    private static final ArchRule ONLY_LAUNCH_OPTIONS_READ_THE_PROCESS = noClasses()
            .that().resideInAnyPackage("dev.incidentconsole.app..", "dev.incidentconsole.health..",
                    "dev.incidentconsole.runbook..", "dev.incidentconsole.shell..", "dev.incidentconsole.incident..",
                    "dev.incidentconsole.exec..", "dev.incidentconsole.search..")
            .and().resideOutsideOfPackage("..testing..") // test fixtures find the shared inputs by property
            .and().doNotHaveFullyQualifiedName("dev.incidentconsole.app.settings.LaunchOptions")
            // names SLF4J's provider through SLF4J's own properties unless the JVM was given one: the logging
            // library's configuration, not one of ours
            .and().doNotHaveFullyQualifiedName("dev.incidentconsole.app.LogbackSetup")
            .should().accessTargetWhere(DescribedPredicate.describe("System.getProperty/getProperties/getenv, "
                    + "Boolean.getBoolean, Integer.getInteger or Long.getLong", access -> {
                        String owner = access.getTargetOwner().getName();
                        String name = access.getName();
                        return owner.equals(System.class.getName()) && Set.of("getProperty", "getProperties", "getenv")
                                .contains(name)
                                || Set.of(Boolean.class.getName(), Integer.class.getName(), Long.class.getName())
                                .contains(owner) && Set.of("getBoolean", "getInteger", "getLong").contains(name);
                    }))
            .because("launch settings are read once, into LaunchOptions, and handed down as typed values");

    @Test
    void onlyLaunchOptionsReadsSystemPropertiesAndTheEnvironment() {
        ONLY_LAUNCH_OPTIONS_READ_THE_PROCESS.check(classes);
    }

    @Test
    void theLaunchOptionsRuleCatchesCallsAndMethodReferences() {
        // Guards against the rule above passing vacuously (e.g. method references going unseen).
        JavaClasses reader = new ClassFileImporter().importClasses(PropertyReader.class);
        assertThat(ONLY_LAUNCH_OPTIONS_READ_THE_PROCESS.evaluate(reader).getFailureReport().getDetails())
                .anyMatch(d -> d.contains("getProperty")).anyMatch(d -> d.contains("getenv"));
    }

    /** A class that reads the process as a feature class must not (only imported by the test above). */
    static final class PropertyReader {
        String theme() {
            return System.getProperty("incident.theme");
        }

        java.util.function.UnaryOperator<String> env() {
            return System::getenv;
        }
    }

    @Test
    void onlyTheAppUsesTheLoggingBackend() {
        noClasses().that().resideOutsideOfPackage("dev.incidentconsole.app..")
                .should().dependOnClassesThat().resideInAPackage("ch.qos.logback..")
                .because("libraries log through SLF4J; the application picks the backend")
                .check(classes);
    }

    @Test
    void everyModuleLogsThroughSlf4j() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("java.util.logging..", "org.apache.log4j..", "org.apache.logging.log4j..",
                        "org.apache.commons.logging..")
                .orShould().dependOnClassesThat().belongToAnyOf(System.Logger.class)
                .because("SLF4J is the one logging API")
                .check(classes);
    }
}
