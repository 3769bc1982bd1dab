package dev.incidentconsole.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner works with the user it was given (the app's launch options), not with this process's environment:
 * tools are found on the given PATH, and run output goes under the given temporary folder.
 */
class LocalUserTest {
    @TempDir
    Path dir;

    @Test
    void kubectlIsFoundOnThePathTheRunnerWasGivenNotOnTheProcesss() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path kubectl = Files.writeString(bin.resolve("kubectl"), "#!/bin/sh\necho ctx-from-the-given-path\n");
        Files.setPosixFilePermissions(kubectl, PosixFilePermissions.fromString("rwx------"));
        LocalUser user = new LocalUser(dir.resolve("home"), "oncall", Map.of("PATH", bin + ":/usr/bin:/bin"),
                dir.resolve("tmp"));

        try (CommandRunner runner = CommandRunner.withoutSshPrompts(ExecSettings.defaults(user))) {
            assertThat(runner.kubeContexts(null, Duration.ofSeconds(30))).containsExactly("ctx-from-the-given-path");
        }
        LocalUser without = new LocalUser(dir.resolve("home"), "oncall", Map.of("PATH", dir.resolve("empty").toString()),
                dir.resolve("tmp"));
        try (CommandRunner runner = CommandRunner.withoutSshPrompts(ExecSettings.defaults(without))) {
            assertThatThrownBy(() -> runner.kubeContexts(null, Duration.ofSeconds(30))).isInstanceOf(ExecException.class)
                    .hasMessageContaining("kubectl was not found");
        }
    }

    @Test
    void runOutputGoesUnderTheGivenTemporaryFolderPerUser() throws Exception {
        LocalUser user = new LocalUser(dir.resolve("home"), "oncall", Map.of("PATH", "/usr/bin:/bin"), dir.resolve("tmp"));
        ExecSettings settings = ExecSettings.defaults(user);
        assertThat(settings.outputDir()).isEqualTo(dir.resolve("tmp/incident-console-oncall/runs"));
        try (CommandRunner runner = CommandRunner.withoutSshPrompts(settings)) {
            RunResult result = runner.run(RunRequest.of("echo hello", LocalTarget.here()), Duration.ofSeconds(30));
            assertThat(result.stdout()).containsExactly("hello");
        }
        try (var files = Files.list(settings.outputDir())) {
            assertThat(files).as("the run's output file").isNotEmpty();
        }
    }
}
