package dev.incidentconsole.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.runbook.testing.SecretFormTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.Arguments;

/** The run log under runs/ is masked like the timeline and readable by its owner only; the screen still gets the lines as printed. */
class RunLogSecretsTest {
    @TempDir
    Path dir;

    @Test
    void everySecretFormACommandPrintsIsMaskedInItsRunLog() throws Exception {
        List<Object[]> forms = SecretFormTables.secretForms().map(Arguments::get).toList();
        StringBuilder printed = new StringBuilder();
        for (Object[] form : forms) {
            printed.append(form[1]).append('\n');
        }
        Path file = dir.resolve("printed.txt");
        Files.writeString(file, printed);
        try (CommandRunner runner = Runners.local(dir)) {
            RunResult result = runner.run(RunRequest.of("cat " + file + "; cat " + file + " >&2",
                    LocalTarget.here()), Runners.WAIT);

            assertThat(result.succeeded()).as("%s", result.message()).isTrue();
            String log = Files.readString(result.outputFile());
            for (Object[] form : forms) {
                assertThat(log).as("%s: %s", form[0], form[1]).doesNotContain((String) form[2]);
            }
            // stdout and stderr interleave as they arrive, and a key block keeps its line count: compare lines
            for (Object[] form : forms) {
                if (!((String) form[1]).contains("\n")) {
                    assertThat(log.lines()).as("%s", form[0]).contains((String) form[3]);
                }
            }
            assertThat(log.lines().count()).isEqualTo(2 * printed.toString().lines().count());
            assertThat(Files.getPosixFilePermissions(result.outputFile()))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(result.tail().get(0).text()).as("the screen masks, and can reveal").isEqualTo(
                    ((String) forms.get(0)[1]).lines().findFirst().orElseThrow());
        }
    }

    @Test
    void aCommandPrintedOverSeveralLinesIsMaskedInItsRunLogWhereTheFlagFollowsItsProgram() throws Exception {
        List<Object[]> forms = SecretFormTables.commandForms().map(Arguments::get)
                .filter(f -> !((String) f[1]).lines().findFirst().orElseThrow().contains((String) f[2])).toList();
        StringBuilder printed = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (Object[] form : forms) {
            printed.append(form[1]).append('\n');
            expected.append(form[3]).append('\n');
        }
        Path file = dir.resolve("continued.txt");
        Files.writeString(file, printed);
        try (CommandRunner runner = Runners.local(dir)) {
            RunResult result = runner.run(RunRequest.of("cat " + file, LocalTarget.here()), Runners.WAIT);
            assertThat(Files.readString(result.outputFile())).isEqualTo(expected.toString());
        }
    }

    @Test
    void aValueTheRequestMarksSecretIsMaskedInTheRunLogWhateverItsName() throws Exception {
        // typed into a secret placeholder, or handed from the secrets file under a name no rule reads as secret
        LocalTarget here = LocalTarget.here();
        LocalTarget withVar = new LocalTarget(here.name(), here.workingDir(), java.util.Map.of("REDIS_AUTH_X", "Pl4inL00k"),
                false);
        try (CommandRunner runner = Runners.local(dir)) {
            RunResult result = runner.run(RunRequest.of("echo <auth> \"$REDIS_AUTH_X\"", withVar)
                    .withVariables(java.util.Map.of("auth", "it's typed")).withSecrets(List.of("it's typed", "Pl4inL00k")),
                    Runners.WAIT);

            assertThat(result.succeeded()).as("%s", result.message()).isTrue();
            assertThat(Files.readString(result.outputFile())).isEqualTo("**** ****\n");
        }
    }

    @Test
    void harmlessOutputIsLoggedByteForByte() throws Exception {
        String printed = String.join("\n", SecretFormTables.harmless().toList()) + "\n";
        Path file = dir.resolve("harmless.txt");
        Files.writeString(file, printed);
        try (CommandRunner runner = Runners.local(dir)) {
            RunResult result = runner.run(RunRequest.of("cat " + file, LocalTarget.here()), Runners.WAIT);
            assertThat(Files.readString(result.outputFile())).isEqualTo(printed);
        }
    }
}
