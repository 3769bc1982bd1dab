package dev.incidentconsole.app.gui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.health.FiringAlert;
import dev.incidentconsole.health.RunbookRef;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.spec.TcpSpec;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.RunbookParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunbookLinksTest {
    static final String CACHE_RUNBOOK = """
            # Cache Runbook

            ## Quick Reference

            | Service | Port | Health Check |
            |---------|------|--------------|
            | Cache | 6379 | `redis-cli -p 6379 ping` |

            ## Common Issues

            ### Redis evicting keys

            **Symptoms:** evictions climb and Redis answers `OOM command not allowed`

            **Diagnosis:**
            ```bash
            redis-cli -p 6379 info memory
            ```

            ### Flush the cache

            **Symptoms:** stale pages after a deploy

            **Resolution:**
            ```bash
            redis-cli -p 6379 FLUSHDB
            ```

            ### Disk full

            **Symptoms:** PostgreSQL stops accepting writes

            **Resolution:**
            ```bash
            df -h /var/lib/postgresql
            ```
            """;

    static final String ALERTS_RUNBOOK = """
            # Alert Runbooks

            ### Alert: `RedisDown`

            **Meaning:** the cache Redis does not answer PING.

            **Resolution:**
            ```bash
            redis-cli -p 6379 ping
            ```
            """;

    @TempDir
    Path dir;

    private RunbookLinks links;

    @BeforeEach
    void parse() throws IOException {
        Runbook cache = new RunbookParser().parse(Files.writeString(dir.resolve("cache.md"), CACHE_RUNBOOK));
        Runbook alerts = new RunbookParser().parse(Files.writeString(dir.resolve("alerts.md"), ALERTS_RUNBOOK));
        links = new RunbookLinks(List.of(cache, alerts));
    }

    @Test
    void explicitLinkComesFirstThenPortTableThenComponentSections() {
        ServiceSpec cache = spec("Cache", List.of("Redis"), List.of(RunbookRef.parse("cache.md#Flush the cache")));

        List<LinkedSection> found = links.forService(cache, List.of());

        assertThat(found).extracting(LinkedSection::title)
                .containsExactly("Flush the cache", "Quick Reference", "Redis evicting keys", "Alert: RedisDown");
        assertThat(found).extracting(LinkedSection::why).containsExactly("linked in the environment file", "port table",
                "mentions Redis", "mentions Redis");
        assertThat(found).allSatisfy(l -> assertThat(l.found()).isTrue());
    }

    @Test
    void firingAlertAboutTheServiceLinksItsSection() {
        ServiceSpec cache = spec("Cache", List.of(), List.of());
        FiringAlert down = new FiringAlert("RedisDown", "critical", Map.of("alertname", "RedisDown", "service", "cache"),
                "Redis is down", null, "f1");
        FiringAlert other = new FiringAlert("RedisDown", "critical", Map.of("alertname", "RedisDown", "service", "sessions"),
                "Redis is down", null, "f2");

        assertThat(links.forService(cache, List.of(other))).extracting(LinkedSection::why).doesNotContain("alert RedisDown");
        assertThat(links.forService(cache, List.of(down)).get(0)).satisfies(l -> {
            assertThat(l.why()).isEqualTo("alert RedisDown");
            assertThat(l.reference()).isEqualTo("alerts.md#Alert Runbooks > Alert: RedisDown");
        });
    }

    @Test
    void linkToAMissingSectionIsKeptButMarkedNotFound() {
        ServiceSpec api = spec("API", List.of(), List.of(RunbookRef.parse("api.md#Health check failing")));

        assertThat(links.forService(api, List.of())).singleElement().satisfies(l -> {
            assertThat(l.found()).isFalse();
            assertThat(l.reference()).isEqualTo("api.md#Health check failing");
        });
    }

    @Test
    void alertWithoutARunbookHasNoLink() {
        assertThat(links.forAlert(new FiringAlert("DiskFull", "warning", Map.of(), "", null, ""))).isEmpty();
    }

    private static ServiceSpec spec(String name, List<String> components, List<RunbookRef> refs) {
        return new ServiceSpec(name, "127.0.0.1", 6379, new TcpSpec("127.0.0.1", 6379), null, null, 1, null, null,
                List.of(), components, refs, "", List.of());
    }
}
