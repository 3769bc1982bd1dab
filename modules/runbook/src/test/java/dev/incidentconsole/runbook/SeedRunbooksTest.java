package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What an engineer sees in the five real seed runbooks. */
class SeedRunbooksTest {

    private final RunbookParser parser = new RunbookParser();

    private Runbook seed(String prefix) throws IOException {
        return parser.parse(SharedInputs.seed(prefix));
    }

    @Test
    void onCallRunbookListsSixServicesWithPortsAndHealthChecks() throws IOException {
        Runbook aos = seed("000_");

        assertThat(aos.title()).isEqualTo("AOS On-Call Runbook");
        assertThat(aos.lastUpdated()).isEqualTo(LocalDate.of(2025, 12, 6));
        assertThat(aos.services()).extracting(ServiceEntry::name, ServiceEntry::port).containsExactly(
                tuple("Backend API", 8000), tuple("PgBouncer", 6432), tuple("Postgres", 5433),
                tuple("Prometheus", 9090), tuple("Grafana", 3000), tuple("Alertmanager", 9093));
        assertThat(aos.services().get(0).check()).isEqualTo("curl http://localhost:8000/health");
        assertThat(aos.services().get(2).check()).isEqualTo("docker exec nova_db pg_isready -U nova");
        assertThat(aos.services()).extracting(ServiceEntry::line).containsExactly(11, 12, 13, 14, 15, 16);
    }

    @Test
    void onCallRunbookHasFiveCommonIssuesEachWithSymptomsDiagnosisAndResolution() throws IOException {
        Runbook aos = seed("000_");
        Section commonIssues = aos.sections().stream().filter(s -> s.title().equals("Common Issues")).findFirst()
                .orElseThrow();

        List<Section> issues = aos.subtree(commonIssues).stream().filter(Section::procedure).toList();

        assertThat(issues).extracting(Section::title).containsExactly("1. Backend Health Check Failing",
                "2. Rate Limiting Issues", "3. Docker Container Network Failure", "4. Database Connection Errors",
                "5. Trace Storage Errors");
        assertThat(aos.procedures()).isEqualTo(issues);
        for (Section issue : issues) {
            List<Section> parts = aos.subtree(issue).subList(1, aos.subtree(issue).size());
            assertThat(parts).extracting(Section::kind, Section::label).containsExactly(
                    tuple(SectionKind.SYMPTOM, true), tuple(SectionKind.DIAGNOSIS, true),
                    tuple(SectionKind.RESOLUTION, true));
            assertThat(parts).allSatisfy(p -> assertThat(p.path()).startsWith(issue.path().toArray(String[]::new)));
            assertThat(issue.symptoms()).hasSize(1);
        }
        Section first = issues.get(0);
        assertThat(first.symptoms()).containsExactly("/health returns non-200 or times out");
        assertThat(first.components()).contains("Docker", "PostgreSQL", "PgBouncer");
        Section diagnosis = aos.subtree(first).get(2);
        assertThat(diagnosis.pathString()).isEqualTo(
                "AOS On-Call Runbook > Common Issues > 1. Backend Health Check Failing > Diagnosis");
        assertThat(diagnosis.commands()).extracting(Command::text).containsExactly(
                "docker ps | grep nova_agent_manager", "docker logs nova_agent_manager --tail 50",
                "PGPASSWORD=novapass psql -h localhost -p 6432 -U nova -d nova_aos -c \"SELECT 1\"");
        assertThat(diagnosis.commands()).extracting(Command::line).containsExactly(57, 60, 63);
    }

    static List<String> seedPrefixes() {
        return List.of("000_", "001_", "002_", "003_", "004_");
    }

    /** Every line of every shell block that is not blank, a comment or a bare variable name is in some command. */
    @ParameterizedTest
    @MethodSource("seedPrefixes")
    void everyCommandLineOfEveryShellBlockIsFound(String prefix) throws IOException {
        Path file = SharedInputs.seed(prefix);
        String text = SharedInputs.read(file);
        String[] lines = text.split("\n", -1);
        Runbook runbook = parser.parse(file);
        List<Command> commands = runbook.commands();
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (FenceScanner.Fence fence : FenceScanner.scan(text)) {
            if (!Set.of("bash", "sh", "shell", "zsh").contains(fence.language())) {
                continue;
            }
            for (String raw : fence.contentLines()) {
                String code = raw.strip().replaceFirst("\\s+#\\s.*$", "").strip();
                // A bare VARIABLE_NAME line documents an environment variable, a "name = value" line is a
                // configuration setting (seed 002's recovery_target_time); neither is a command.
                if (code.isEmpty() || code.startsWith("#") || code.matches("[A-Z][A-Z0-9_]*")
                        || code.matches("[A-Za-z_][\\w.-]*[ \t]+=[ \t]+\\S.*")) {
                    continue;
                }
                checked++;
                if (commands.stream().noneMatch(c -> c.text().contains(code))) {
                    missing.add(code);
                }
            }
        }
        assertThat(checked).isPositive();
        assertThat(missing).as("command lines not found in %s", file.getFileName()).isEmpty();
        for (Command c : commands) {
            String firstLine = c.text().lines().findFirst().orElse("");
            assertThat(lines[c.line() - 1]).as("line %d of %s", c.line(), file.getFileName()).contains(firstLine);
        }
    }

    @Test
    void destructiveCommandsAreFlaggedWhereverTheyOccur() {
        Pattern destructive = Pattern.compile("FLUSHDB|FLUSHALL|pkill -9|DROP DATABASE|kubectl delete");
        List<Command> all = SharedInputs.seedFiles().stream().map(this::parseQuietly)
                .flatMap(r -> r.commands().stream()).toList();

        List<Command> flagged = all.stream().filter(c -> destructive.matcher(c.text()).find()).toList();
        List<Command> kubectlGet = all.stream().filter(c -> c.text().startsWith("kubectl get pods")).toList();

        assertThat(flagged).extracting(c -> destructive.matcher(c.text()).results().findFirst().orElseThrow().group())
                .contains("FLUSHDB", "pkill -9", "DROP DATABASE", "kubectl delete");
        assertThat(flagged).allSatisfy(c -> assertThat(c.dangerous()).as(c.text()).isTrue());
        assertThat(kubectlGet).isNotEmpty().allSatisfy(c -> assertThat(c.dangerous()).as(c.text()).isFalse());
    }

    @Test
    void operationsRunbookHasFourEmergencyProceduresWithRollbackAndVerification() throws IOException {
        Runbook ops = seed("001_");

        assertThat(ops.procedures()).extracting(Section::title).containsExactly("1. Disable LLM Adapters",
                "2. Enable Deterministic Fallback", "3. Registry Rollback", "4. Worker Recovery");
        Section rollback = ops.sections().stream().filter(s -> s.label() && s.kind() == SectionKind.ROLLBACK)
                .findFirst().orElseThrow();
        assertThat(rollback.commands()).extracting(Command::text)
                .containsExactly("unset DISABLE_LIVE_ADAPTERS", "docker compose restart backend");
        Step promql = ops.sections().stream().flatMap(s -> s.steps().stream())
                .filter(s -> s.language().equals("promql")).findFirst().orElseThrow();
        assertThat(promql.shell()).isFalse();
        assertThat(promql.commands()).isEmpty();
        Step diagram = ops.sections().stream().filter(s -> s.title().equals("Service Architecture"))
                .findFirst().orElseThrow().steps().get(0);
        assertThat(diagram.shell()).as("a box-drawing diagram is not a command").isFalse();
    }

    @Test
    void operationalRunbookNamesItsAlertsAndPortsWithProtocols() throws IOException {
        Runbook aragora = seed("002_");

        assertThat(aragora.alerts()).extracting(Alert::name)
                .contains("AragoraDown", "HighErrorRate", "CircuitBreakerOpen");
        Alert down = aragora.alerts().stream().filter(a -> a.name().equals("AragoraDown")).findFirst().orElseThrow();
        assertThat(down.sectionPath()).containsExactly("Aragora Operational Runbook", "Alerts and Responses",
                "Alert: AragoraDown");
        assertThat(aragora.services()).extracting(ServiceEntry::name, ServiceEntry::port, ServiceEntry::protocol)
                .startsWith(tuple("API Server", 8080, "HTTP"), tuple("WebSocket Server", 8766, "WS"));
        Section websocket = aragora.procedures().get(0);
        assertThat(websocket.title()).isEqualTo("1. WebSocket Disconnections");
        assertThat(websocket.symptoms()).hasSize(3).contains("Missing real-time debate updates");
        assertThat(aragora.subtree(websocket)).extracting(Section::kind).containsExactly(SectionKind.OTHER,
                SectionKind.SYMPTOM, SectionKind.CAUSE, SectionKind.RESOLUTION, SectionKind.PREVENTION);
        assertThat(websocket.components()).contains("WebSocket");
    }

    @Test
    void alertRunbookFindsAlertsAndKubectlStepsInsideListItems() throws IOException {
        Runbook platform = seed("003_");

        assertThat(platform.alerts()).extracting(Alert::name).startsWith("HighErrorRate", "AgentDown",
                "HighResponseTime", "HighCPUUsage", "HighMemoryUsage");
        Section highErrorRate = platform.procedures().get(0);
        assertThat(highErrorRate.title()).isEqualTo("HighErrorRate Alert");
        assertThat(highErrorRate.symptoms()).containsExactly("Error rate > 5% for 5 minutes");
        assertThat(highErrorRate.components()).contains("Kubernetes", "Vault", "PostgreSQL", "Prometheus");
        Section investigation = platform.subtree(highErrorRate).stream()
                .filter(s -> s.title().equals("Investigation Steps")).findFirst().orElseThrow();
        assertThat(investigation.kind()).isEqualTo(SectionKind.DIAGNOSIS);
        assertThat(investigation.commands()).extracting(Command::text).containsExactly(
                "curl \"http://prometheus:9090/api/v1/query?query=sum%20by%20(agent_id)"
                        + "%20(rate(agent_errors_total[5m]))\"",
                "kubectl rollout history deployment -n ai-agents | tail -10",
                "kubectl logs -n ai-agents -l role=agent --tail=100 | grep ERROR");
        assertThat(investigation.blocks()).filteredOn(b -> b instanceof Block.Text t
                && t.type() == Block.TextType.NUMBERED).hasSize(3);
        assertThat(platform.subtree(highErrorRate)).extracting(Section::kind).contains(SectionKind.VERIFICATION);
    }

    @Test
    void indexRunbookMapsSymptomsAndComponentsToRunbooks() throws IOException {
        Runbook index = seed("004_");

        assertThat(index.lastUpdated()).isEqualTo(LocalDate.of(2025, 11, 3));
        assertThat(index.index()).filteredOn(e -> e.kind() == IndexEntry.Kind.SYMPTOM)
                .extracting(IndexEntry::key, IndexEntry::targets)
                .contains(tuple("Queue backing up", List.of("./high-queue-depth.md")),
                        tuple("Worker restarting", List.of("./worker-failures.md")),
                        tuple("Database errors", List.of("./database-connection-issues.md")),
                        tuple("Timeouts in logs", List.of("./api-timeout.md")),
                        tuple("New customer setup", List.of("./tenant-onboarding.md")));
        assertThat(index.index()).filteredOn(e -> e.kind() == IndexEntry.Kind.COMPONENT)
                .extracting(IndexEntry::key, IndexEntry::targets, IndexEntry::line).containsExactly(
                        tuple("Redis queue", List.of("./high-queue-depth.md"), 31),
                        tuple("Celery workers", List.of("./worker-failures.md", "./high-queue-depth.md"), 32),
                        tuple("PostgreSQL", List.of("./database-connection-issues.md"), 33),
                        tuple("External APIs", List.of("./api-timeout.md"), 34),
                        tuple("Tenant configuration", List.of("./tenant-onboarding.md"), 35));
    }

    private Runbook parseQuietly(Path file) {
        try {
            return parser.parse(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
