package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceTablesTest {

    private final RunbookParser parser = new RunbookParser();

    private Runbook parse(String markdown) {
        return parser.parse(Path.of("services.md"), markdown);
    }

    @ParameterizedTest(name = "port cell {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            8000                         | 8000 | ""
            `8000`                       | 8000 | ""
            :8000                        | 8000 | ""
            8000/tcp                     | 8000 | TCP
            53/udp                       | 53   | UDP
            localhost:8000               | 8000 | ""
            http://localhost:8000/health | 8000 | ""
            0.0.0.0:9090                 | 9090 | ""
            8080 (internal)              | 8080 | ""
            8080, 8443                   | 8080 | ""
            """)
    void portCellsInTheUsualFormsGiveThePortNumber(String cell, int port, String protocol) {
        Runbook r = parse("| Service | Port |\n|---|---|\n| api | " + cell.replace("|", "\\|") + " |\n");

        assertThat(r.services()).extracting(ServiceEntry::name, ServiceEntry::port, ServiceEntry::protocol)
                .containsExactly(tuple("api", port, protocol == null ? "" : protocol));
        assertThat(r.services().get(0).line()).isEqualTo(3);
    }

    @ParameterizedTest(name = "port cell {0}")
    @CsvSource({"N/A", "-", "dynamic", "99999", "0"})
    void rowsWhosePortIsNotANumberAreSkippedWithAWarning(String cell) {
        Runbook r = parse("| Service | Port |\n|---|---|\n| worker | " + cell + " |\n| api | 8000 |\n");

        assertThat(r.services()).extracting(ServiceEntry::name).containsExactly("api");
        assertThat(r.warnings()).anySatisfy(w -> {
            assertThat(w.line()).isEqualTo(3);
            assertThat(w.message()).contains("worker").contains("not a port number");
        });
    }

    @Test
    void protocolAndHealthCheckColumnsAreReadInAnyOrder() {
        Runbook r = parse("""
                | Health Check | Protocol | Component | Listen Port |
                |--------------|----------|-----------|-------------|
                | `curl -sf http://localhost:8080/api/health` | HTTP | API Server | 8080 |
                | `redis-cli ping` | TCP | **Redis** | 6379 |
                """);

        assertThat(r.services()).extracting(ServiceEntry::name, ServiceEntry::port, ServiceEntry::protocol,
                ServiceEntry::check).containsExactly(
                tuple("API Server", 8080, "HTTP", "curl -sf http://localhost:8080/api/health"),
                tuple("Redis", 6379, "TCP", "redis-cli ping"));
    }

    @Test
    void tablesWithoutAServiceAndAPortColumnAreNotServices() {
        Runbook r = parse("""
                # Tables

                | Variable | Purpose |
                |---|---|
                | `DATABASE_URL` | PostgreSQL connection (use 6432) |

                | Name | Description |
                |---|---|
                | api | 8000 |

                | Port | Meaning |
                |---|---|
                | 8000 | api |
                """);

        assertThat(r.services()).isEmpty();
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void serviceTablesInsideListItemsAreFound() {
        Runbook r = parse("# Ports\n\n- Local stack:\n\n  | Name | Port |\n  |---|---|\n  | grafana | 3000 |\n");

        assertThat(r.services()).extracting(ServiceEntry::name, ServiceEntry::port, ServiceEntry::line)
                .containsExactly(tuple("grafana", 3000, 7));
    }
}
