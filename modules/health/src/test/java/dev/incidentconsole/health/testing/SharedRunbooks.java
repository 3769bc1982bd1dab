package dev.incidentconsole.health.testing;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real runbooks outside the repository ({@code ../shared}); a test skips when one is absent. */
public final class SharedRunbooks {
    private SharedRunbooks() {
    }

    /** {@code relative} under the shared folder, e.g. {@code seeds/000_8a79b9de71f785a0.txt}. */
    public static Path path(String relative) {
        String dir = System.getProperty("incident.shared.dir");
        assumeThat(dir).as("incident.shared.dir is not set").isNotNull();
        Path p = Path.of(dir, relative);
        assumeThat(Files.exists(p)).as("shared runbook %s is absent; skipping", p).isTrue();
        return p;
    }
}
