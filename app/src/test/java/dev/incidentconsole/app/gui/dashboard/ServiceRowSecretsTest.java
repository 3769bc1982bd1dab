package dev.incidentconsole.app.gui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.incidentconsole.health.schedule.HealthScheduler;
import dev.incidentconsole.runbook.SecretMasker;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The dashboard row shows a check as its health entries record it: the secrets file's values masked. */
class ServiceRowSecretsTest {
    private static final String TOKEN = "hk-7Qx93LmZpa";

    @RegisterExtension
    final DashboardFixture fixture = new DashboardFixture();

    @Test
    void aTokenTheSecretsFileFillsIntoAChecksPathIsMaskedOnItsRowAsInItsHealthEntries() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "needs POSIX permissions");
        Path secrets = Files.writeString(fixture.dir().resolve("team.env"), "HOOK_TOKEN=" + TOKEN + "\n");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
        Path env = fixture.env("""
                secrets: team.env
                services:
                  - name: hooks
                    http: {url: "http://127.0.0.1:9/hooks/${HOOK_TOKEN}/health"}
                """);

        DashboardViewModel model = fixture.open(HealthScheduler.builder().initialSpread(Duration.ofDays(365)).build(),
                env, null);

        ServiceRow row = model.rows().get(0);
        assertThat(row.probeText()).contains("/hooks/").doesNotContain(TOKEN)
                .isEqualTo(row.spec().description(SecretMasker.standard().withSecrets(model.environment().secretValues())));
    }
}
