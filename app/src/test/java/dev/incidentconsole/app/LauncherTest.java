package dev.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The repository's launcher script ({@code ./incident-console}), run by bash in a temporary copy of the project's
 * layout. Its build and its JVM are stand-in scripts: {@code mvnw} notes each build, and {@code java} (found through
 * {@code JAVA_HOME}) writes the arguments the launcher started it with, so what is tested is the script's own choice
 * of when to build and which jar to run.
 */
class LauncherTest {
    private static final FileTime OLD = FileTime.from(Instant.now().minus(30, ChronoUnit.DAYS));
    private static final FileTime BUILT = FileTime.from(Instant.now().minus(1, ChronoUnit.DAYS));

    @TempDir
    Path home;

    @BeforeEach
    void project() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "the launcher is a bash script; no /bin/bash here");
        Path launcher = Path.of("").toAbsolutePath().getParent().resolve("incident-console");
        Files.copy(launcher, home.resolve("incident-console"));
        script("mvnw", "echo \"$*\" >> \"$(dirname \"$0\")/builds.log\"");
        script("jdk/bin/java", "printf '%s\\n' \"$@\" > \"$(dirname \"$0\")/../../java-args.txt\"");
        write("pom.xml", "<project/>");
        write("app/pom.xml", "<project/>");
        write("app/src/main/java/dev/A.java", "class A {}");
        write("app/src/main/java/dev/B.java", "class B {}");
        write("modules/shell/src/main/java/dev/C.java", "class C {}");
        write("app/src/test/java/dev/ATest.java", "class ATest {}");
        write("app/target/classpath.txt", "/deps/picocli.jar");
        write("app/target/app-0.1.0-SNAPSHOT.jar", "jar");
        write("app/target/maven-archiver/pom.properties", "artifactId=app\ngroupId=dev.incidentconsole\nversion=0.1.0-SNAPSHOT\n");
        try (Stream<Path> all = Files.walk(home)) {
            for (Path p : all.toList()) {
                Files.setLastModifiedTime(p, OLD);
            }
        }
        Files.setLastModifiedTime(home.resolve("app/target/classpath.txt"), BUILT);
    }

    @Test
    void anUnchangedProjectIsNotBuiltAgain() throws Exception {
        assertThat(launch()).isZero();

        assertThat(home.resolve("builds.log")).doesNotExist();
        assertThat(javaArgs()).contains("dev.incidentconsole.app.Main", "--help");
    }

    @Test
    void aDeletedSourceFileMakesTheLauncherBuildAgain() throws Exception {
        Files.delete(home.resolve("app/src/main/java/dev/B.java"));

        assertThat(launch()).isZero();

        assertThat(Files.readAllLines(home.resolve("builds.log"))).singleElement().asString().contains("package");
        assertThat(launch()).isZero();
        assertThat(Files.readAllLines(home.resolve("builds.log"))).as("built once").hasSize(1);
    }

    @Test
    void aSourceFileRenamedInAModuleMakesTheLauncherBuildAgain() throws Exception {
        Files.move(home.resolve("modules/shell/src/main/java/dev/C.java"), home.resolve("modules/shell/src/main/java/dev/D.java"));
        Files.setLastModifiedTime(home.resolve("modules/shell/src/main/java/dev/D.java"), OLD);

        assertThat(launch()).isZero();

        assertThat(home.resolve("builds.log")).exists();
    }

    @Test
    void afterAVersionBumpWithoutCleanTheNewVersionsJarRuns() throws Exception {
        // `mvn package` after the bump: the old jar stays in target/, the new one is written beside it.
        write("app/target/app-0.2.0-SNAPSHOT.jar", "jar");
        write("app/target/maven-archiver/pom.properties", "artifactId=app\ngroupId=dev.incidentconsole\nversion=0.2.0-SNAPSHOT\n");
        Files.setLastModifiedTime(home.resolve("app/target/app-0.2.0-SNAPSHOT.jar"), OLD);
        Files.setLastModifiedTime(home.resolve("app/target/app-0.1.0-SNAPSHOT.jar"), BUILT);

        assertThat(launch()).isZero();

        assertThat(classpath()).startsWith(home.resolve("app/target/app-0.2.0-SNAPSHOT.jar") + ":")
                .doesNotContain("0.1.0").endsWith("/deps/picocli.jar");
    }

    @Test
    void withoutTheBuildsVersionRecordTheNewestJarRuns() throws Exception {
        Files.delete(home.resolve("app/target/maven-archiver/pom.properties"));
        write("app/target/app-0.2.0-SNAPSHOT.jar", "jar");
        Files.setLastModifiedTime(home.resolve("app/target/app-0.2.0-SNAPSHOT.jar"), BUILT);

        assertThat(launch()).isZero();

        assertThat(classpath()).startsWith(home.resolve("app/target/app-0.2.0-SNAPSHOT.jar") + ":");
    }

    @Test
    void theWindowRunsWithC1AloneAndTheDefaultYoungGeneration() throws Exception {
        assertThat(launch(java.util.Map.of())).isZero(); // no argument: the window

        assertThat(javaArgs()).contains("-XX:TieredStopAtLevel=1").doesNotContain("-Xmn64m")
                .endsWith("dev.incidentconsole.app.Main");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FOLDER", "incident-console://open?runbook=a.md", "open incident-console://open?runbook=a.md"})
    void aWindowOpenedOnAFolderOrALinkGetsTheWindowsOptionsNotASubcommands(String given) throws Exception {
        Files.createDirectories(home.resolve("runbooks-here"));
        String[] args = given.replace("FOLDER", home.resolve("runbooks-here").toString()).split(" ");

        assertThat(launch(java.util.Map.of(), args)).isZero();

        assertThat(javaArgs()).contains("-XX:TieredStopAtLevel=1").doesNotContain("-Xmn64m");
    }

    @Test
    void openThatOnlyPrintsIsASubcommand() throws Exception {
        assertThat(launch(java.util.Map.of(), "open", "--print", "incident-console://open?runbook=a.md")).isZero();

        assertThat(javaArgs()).contains("-XX:TieredStopAtLevel=1", "-Xmn64m");
    }

    @Test
    void aSubcommandRunsWithC1AloneAndA64MegabyteYoungGeneration() throws Exception {
        assertThat(launch("--help")).isZero();

        assertThat(javaArgs()).contains("-XX:TieredStopAtLevel=1", "-Xmn64m");
    }

    @Test
    void optionsGivenInTheEnvironmentComeAfterTheLaunchersOwn() throws Exception {
        assertThat(launch(java.util.Map.of("INCIDENT_CONSOLE_OPTS", "-XX:TieredStopAtLevel=4"), "--help")).isZero();

        List<String> args = javaArgs();
        assertThat(args).contains("-XX:TieredStopAtLevel=1", "-XX:TieredStopAtLevel=4");
        assertThat(args.indexOf("-XX:TieredStopAtLevel=4")).as("the user's choice comes later and wins")
                .isGreaterThan(args.indexOf("-XX:TieredStopAtLevel=1"));
    }

    /** {@code --help}: a subcommand. */
    private int launch() throws IOException, InterruptedException {
        return launch(java.util.Map.of(), "--help");
    }

    private int launch(String arg) throws IOException, InterruptedException {
        return launch(java.util.Map.of(), arg);
    }

    private int launch(java.util.Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("/bin/bash", home.resolve("incident-console").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(home.resolve("launcher-out.txt").toFile());
        pb.environment().put("JAVA_HOME", home.resolve("jdk").toString());
        pb.environment().put("INCIDENT_CDS", "0");
        pb.environment().remove("INCIDENT_CONSOLE_OPTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("launcher finished").isTrue();
        return p.exitValue();
    }

    private List<String> javaArgs() throws IOException {
        return Files.readAllLines(home.resolve("java-args.txt"));
    }

    private String classpath() throws IOException {
        List<String> args = javaArgs();
        return args.get(args.indexOf("-cp") + 1);
    }

    private void script(String name, String body) throws IOException {
        write(name, "#!/bin/bash\n" + body + "\n");
        home.resolve(name).toFile().setExecutable(true);
    }

    private void write(String name, String content) throws IOException {
        Path file = home.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
