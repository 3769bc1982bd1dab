package dev.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The app's log, as a fresh JVM of the app's class path writes it (the window's and the command line's alike). */
class LogbackSetupTest {
    @TempDir
    Path dir;

    /** Logs one line per level on an app logger, and sshj's noisy ERROR, then exits. */
    public static final class Logs {
        public static void main(String[] args) {
            if (args.length > 0) {
                LogbackSetup.bindDirectly();
            }
            org.slf4j.Logger app = LoggerFactory.getLogger("dev.incidentconsole.app.gui.ConsoleApp");
            app.warn("warned {}", "once");
            app.info("informed");
            app.debug("debugged");
            LoggerFactory.getLogger("net.schmizz.sshj.transport.KeyExchanger").error("host key refused");
            LoggerFactory.getLogger("org.apache.lucene.index").info("merged");
        }
    }

    @Test
    void warningsReachStderrInTheAppsPatternAndQuieterLevelsDoNot() throws Exception {
        Run run = run(null);

        assertThat(run.stderr).containsPattern("(?m)^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  \\S+ConsoleApp - warned once$")
                .doesNotContain("informed", "debugged", "host key refused", "merged");
        assertThat(run.stdout).as("stdout stays clean for --json").doesNotContain("warned");
        assertThat(run.classes).as("no XML configuration read").doesNotContain("ch.qos.logback.core.joran.GenericXMLConfigurator")
                .contains("dev.incidentconsole.app.LogbackSetup");
    }

    @Test
    void logbackNamedDirectlyAsMainDoesLogsTheSameWithoutSlf4jsOwnNotes() throws Exception {
        Run found = run(null);
        Run named = run(null, "bound");

        assertThat(named.stderr.replaceAll("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}", "T"))
                .isEqualTo(found.stderr.replaceAll("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}", "T"))
                .contains("ConsoleApp - warned once").doesNotContain("SLF4J(");
        assertThat(named.classes).contains("dev.incidentconsole.app.LogbackSetup");
    }

    @Test
    void theLevelVariableOpensTheAppsLogButNotTheQuietLibraries() throws Exception {
        Run run = run("DEBUG");

        assertThat(run.stderr).contains("ConsoleApp - warned once", "ConsoleApp - informed", "ConsoleApp - debugged")
                .doesNotContain("host key refused", "merged");
    }

    private record Run(String stdout, String stderr, String classes) {
    }

    private Run run(String level, String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path classes = dir.resolve("classes.log");
        List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto", "-Xlog:class+load=info:file=" + classes,
                "-cp", System.getProperty("java.class.path"), Logs.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        builder.environment().remove("INCIDENT_LOG_LEVEL");
        if (level != null) {
            builder.environment().put("INCIDENT_LOG_LEVEL", level);
        }
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the logging JVM ends").isTrue();
        assertThat(process.exitValue()).isZero();
        return new Run(Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8), Files.readString(classes));
    }
}
