package dev.incidentconsole.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /** The shell model is the one reader of commands for runbook, exec and health: it uses none of them. */
    @Test
    void shellModelUsesNoOtherPartOfTheApp() {
        noClasses().that().resideInAPackage("dev.incidentconsole.shell..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.incidentconsole.runbook..",
                        "dev.incidentconsole.search..", "dev.incidentconsole.health..", "dev.incidentconsole.exec..",
                        "dev.incidentconsole.incident..", "dev.incidentconsole.app..")
                .check(classes);
    }

    @Test
    void modulesHaveNoCycles() {
        slices().matching("dev.incidentconsole.(*)..").should().beFreeOfCycles().check(classes);
    }
}
