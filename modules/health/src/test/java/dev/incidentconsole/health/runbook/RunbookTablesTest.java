package dev.incidentconsole.health.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.incidentconsole.health.Secret;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.spec.AlertmanagerSpec;
import dev.incidentconsole.health.spec.BodyExpectation;
import dev.incidentconsole.health.spec.HttpSpec;
import dev.incidentconsole.health.spec.PostgresSpec;
import dev.incidentconsole.health.spec.RedisSpec;
import dev.incidentconsole.health.spec.WebSocketSpec;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.RunbookParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import dev.incidentconsole.health.testing.SharedRunbooks;
import org.junit.jupiter.api.Test;

/** Port tables of real runbooks (the bundled ones and the shared seeds), parsed and turned into probes. */
class RunbookTablesTest {
    private static final Map<Path, Runbook> PARSED = new java.util.concurrent.ConcurrentHashMap<>();
    private final RunbookParser parser = new RunbookParser();
    private final RunbookServices services = new RunbookServices(Map.<String, String>of()::get, "localhost");

    @Test
    void seedPortTableGivesTheRightProbes() throws IOException {
        Map<String, ServiceSpec> s = byName(services.offer(parse(shared("seeds/000_8a79b9de71f785a0.txt"))));
        assertThat(s).containsOnlyKeys("Backend API", "PgBouncer", "Postgres", "Prometheus", "Grafana", "Alertmanager");

        assertThat(s.get("Backend API").port()).isEqualTo(8000);
        assertThat(s.get("Backend API").probe()).isEqualTo(HttpSpec.get("http://localhost:8000/health"));

        PostgresSpec bouncer = (PostgresSpec) s.get("PgBouncer").probe();
        assertThat(bouncer).isEqualTo(new PostgresSpec("localhost", 6432, "nova_aos", "nova", Secret.of("novapass"),
                null, "SELECT 1", null));

        assertThat(s.get("Postgres").port()).isEqualTo(5433);
        assertThat(s.get("Postgres").probe()).isEqualTo(PostgresSpec.ready("localhost", 5433, "nova", "nova"));
        assertThat(s.get("Postgres").runbookCheck().command()).isEqualTo("docker exec nova_db pg_isready -U nova");
        assertThat(s.get("Postgres").runbookCheck().note()).isEqualTo("the runbook checks it with docker exec");
        assertThat(s.get("Postgres").components()).containsExactly("PostgreSQL");
        assertThat(s.get("PgBouncer").components()).containsExactly("PgBouncer");

        HttpSpec grafana = (HttpSpec) s.get("Grafana").probe();
        assertThat(grafana.url()).isEqualTo("http://localhost:3000/api/health");
        assertThat(grafana.basicAuth().user()).isEqualTo("admin");

        assertThat(s.get("Alertmanager").probe()).isEqualTo(AlertmanagerSpec.of("http://localhost:9093"));
        assertThat(s.get("Prometheus").probe()).isEqualTo(AlertmanagerSpec.prometheus("http://localhost:9090"));
        assertThat(s.get("Backend API").origin()).isEqualTo("000_8a79b9de71f785a0.txt line 11");
        assertThat(s.get("Backend API").runbooks()).singleElement()
                .satisfies(ref -> assertThat(ref.file()).endsWith("000_8a79b9de71f785a0.txt"));
    }

    @Test
    void protocolTableUsesTheHealthUrlTheRunbookCurls() throws IOException {
        Map<String, ServiceSpec> s = byName(services.offer(parse(shared("seeds/002_572c25c714beff75.txt"))));
        assertThat(s.get("API Server").probe()).isEqualTo(HttpSpec.get("http://localhost:8080/api/health")
                .withExpect(BodyExpectation.json("/status", "healthy"))); // the response body its Health Checks section documents
        assertThat(s.get("WebSocket Server").probe()).isEqualTo(WebSocketSpec.of("ws://localhost:8766"));
        assertThat(s.get("Redis").probe()).isEqualTo(RedisSpec.of("localhost", 6379));
        assertThat(((HttpSpec) s.get("Grafana").probe()).url()).isEqualTo("http://localhost:3000/");
    }

    @Test
    void bundledQuickReferenceGivesAWorkingDashboard() throws IOException {
        Path file = project("runbooks/on-call-quick-reference.md");
        Map<String, ServiceSpec> s = byName(services.offer(parse(file)));
        assertThat(s).containsKeys("Backend API", "PgBouncer", "PostgreSQL", "Grafana", "Alertmanager");
        assertThat(s.get("Backend API").probe()).isEqualTo(HttpSpec.get("http://localhost:8000/health"));
        assertThat(s.get("PgBouncer").probe()).isInstanceOf(PostgresSpec.class);
        assertThat(s.get("PostgreSQL").probe()).isInstanceOf(PostgresSpec.class);
        assertThat(s.get("PostgreSQL").runbookCheck()).isNotNull();
        assertThat(s.get("Alertmanager").probe()).isInstanceOf(AlertmanagerSpec.class);
        assertThat(((HttpSpec) s.get("Grafana").probe()).basicAuth().user()).isEqualTo("admin");
        assertThat(s.values()).filteredOn(v -> v.name().startsWith("Redis"))
                .extracting(v -> v.probe().kind()).isNotEmpty().containsOnly("redis");
    }

    @Test
    void allBundledRunbooksOfferUniqueServicesWithProbes() throws IOException {
        Path dir = project("runbooks");
        List<Runbook> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                all.add(parse(f));
            }
        }
        List<ServiceSpec> offered = services.offer(all);
        assertThat(offered).isNotEmpty();
        assertThat(offered).extracting(ServiceSpec::name).doesNotHaveDuplicates();
        assertThat(offered).allSatisfy(spec -> {
            assertThat(spec.port()).isPositive();
            assertThat(spec.runbooks()).isNotEmpty();
            assertThat(spec.origin()).matches(".+\\.md line \\d+");
        });
    }

    /** Parsing is the slow part of this class; each runbook is parsed once. */
    private Runbook parse(Path file) throws IOException {
        Runbook cached = PARSED.get(file);
        if (cached == null) {
            cached = parser.parse(file);
            PARSED.put(file, cached);
        }
        return cached;
    }

    private static Map<String, ServiceSpec> byName(List<ServiceSpec> list) {
        return list.stream().collect(Collectors.toMap(ServiceSpec::name, Function.identity()));
    }

    private static Path shared(String relative) {
        return SharedRunbooks.path(relative);
    }

    private static Path project(String relative) {
        String dir = System.getProperty("incident.project.dir");
        assumeThat(dir).as("incident.project.dir is not set").isNotNull();
        Path p = Path.of(dir, relative);
        assumeThat(Files.exists(p)).as("%s is absent; skipping", p).isTrue();
        return p;
    }
}
