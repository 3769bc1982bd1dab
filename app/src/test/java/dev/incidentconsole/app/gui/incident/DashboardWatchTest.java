package dev.incidentconsole.app.gui.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.services.LinkedSection;
import dev.incidentconsole.app.services.RunbookLinks;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.RunbookParser;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which of a failing service's runbook sections "Start incident" suggests first. */
class DashboardWatchTest {
    private static final Runbook REDIS = new RunbookParser().parse(Path.of("redis.md"), """
            # Redis

            ## Quick reference

            | Service | Port | Check |
            |---|---|---|
            | redis | 6379 | `redis-cli ping` |

            ## Alert: RedisDown

            The exporter cannot reach Redis. See the procedure below.

            ## Restart the cache

            ### Diagnosis
            ```bash
            redis-cli -p 6379 info replication
            ```

            ### Resolution
            ```bash
            docker compose restart redis
            ```
            """);

    private static LinkedSection link(String heading, String why) {
        return new LinkedSection("redis.md#Redis > " + heading, heading, "Redis", why, true);
    }

    @Test
    void aProcedureWithCommandsComesBeforeAPortTableRowOrAnAlertDescription() {
        List<IncidentStarter.SectionChoice> choices = DashboardWatch.sections(List.of(
                link("Quick reference", "port table"), link("Alert: RedisDown", "alert RedisDown"),
                link("Restart the cache", "mentions Redis")), List.of(REDIS));

        assertThat(choices).extracting(c -> c.section().title())
                .containsExactly("Restart the cache", "Quick reference", "Alert: RedisDown");
    }

    @Test
    void theSectionTheEnvironmentFileNamesStaysFirst() {
        List<IncidentStarter.SectionChoice> choices = DashboardWatch.sections(List.of(
                link("Restart the cache", "mentions Redis"), link("Alert: RedisDown", RunbookLinks.IN_ENVIRONMENT)),
                List.of(REDIS));

        assertThat(choices).extracting(c -> c.section().title()).containsExactly("Alert: RedisDown", "Restart the cache");
    }
}
