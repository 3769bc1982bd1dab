package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The runbooks the app opens by default, read the way an engineer sees them in the app. */
class BundledRunbooksTest {

    private static final Pattern RELATIVE_LINK = Pattern.compile("\\]\\((?!https?:)([^)#\\s]+\\.md)(#[^)]*)?\\)");

    private static Path dir;
    private static Map<String, Runbook> books;

    @BeforeAll
    static void parseBundledRunbooks() throws IOException {
        String project = System.getProperty("incident.project.dir");
        Assumptions.assumeTrue(project != null, "incident.project.dir is not set; run the test through Maven");
        dir = Path.of(project, "runbooks");
        Assumptions.assumeTrue(Files.isDirectory(dir), "no runbooks/ folder under " + project);
        RunbookParser parser = new RunbookParser();
        books = new TreeMap<>();
        for (Path file : markdownFiles()) {
            books.put(file.getFileName().toString(), parser.parse(file));
        }
    }

    static List<Path> markdownFiles() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<String> fileNames() {
        return markdownFiles().stream().map(f -> f.getFileName().toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            index.md                   | Lantern Runbook Index                                   | 2026-11-01
            on-call-quick-reference.md | Lantern On-Call Quick Reference                         | 2026-11-01
            alerts.md                  | Lantern Alert Runbooks                                  | 2026-10-31
            rate-limiting.md           | Rate Limiting and 429 Too Many Requests                 | 2026-10-18
            database-connections.md    | Database Connections Exhausted                          | 2026-10-27
            redis-failover.md          | Redis Down: Fallback and Failover                       | 2026-10-21
            worker-queue-backlog.md    | Worker Queue Backlog                                    | 2026-10-30
            websocket-disconnects.md   | WebSocket Disconnects                                   | 2026-10-12
            tls-certificates.md        | TLS Certificate Expiry                                  | 2026-09-29
            memory-pressure.md         | Memory Pressure and OOM Kills                           | 2026-10-09
            kubernetes-pod-failures.md | Kubernetes Pod Failures: CrashLoopBackOff and OOMKilled | 2026-10-24
            """)
    void eachRunbookOpensWithItsTitleAndDateAndNoWarnings(String file, String title, String lastUpdated) {
        Runbook book = book(file);
        assertThat(book.title()).isEqualTo(title);
        assertThat(book.lastUpdated()).hasToString(lastUpdated);
        assertThat(book.warnings()).as("parse warnings in %s", file).isEmpty();
    }

    @Test
    void theIndexListsEveryBundledRunbookAndNothingElse() {
        Set<String> targets = book("index.md").index().stream()
                .flatMap(e -> e.targets().stream()).collect(Collectors.toSet());
        Set<String> others = books.keySet().stream().filter(f -> !f.equals("index.md")).collect(Collectors.toSet());
        assertThat(targets).containsExactlyInAnyOrderElementsOf(others);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Backend API                | 8000 | HTTP | curl -fsS http://localhost:8000/health
            WebSocket Gateway          | 8001 | WS   | curl -fsS http://localhost:8001/health
            PgBouncer                  | 6432 | TCP  | PGPASSWORD=lantern psql -h localhost -p 6432 -U lantern -d lantern -c "SELECT 1"
            PostgreSQL                 | 5433 | TCP  | docker exec lantern-db-1 pg_isready -U lantern
            Redis (rate limits, cache) | 6379 | TCP  | redis-cli -p 6379 ping
            Redis (Celery broker)      | 6380 | TCP  | redis-cli -p 6380 ping
            Celery Flower              | 5555 | HTTP | curl -fsS http://localhost:5555/healthcheck
            Prometheus                 | 9090 | HTTP | curl -fsS http://localhost:9090/-/healthy
            Grafana                    | 3000 | HTTP | curl -fsS -u admin:admin http://localhost:3000/api/health
            Alertmanager               | 9093 | HTTP | curl -fsS http://localhost:9093/-/healthy
            """)
    void quickReferenceGivesEachServiceItsPortAndCheck(String name, int port, String protocol, String check) {
        assertThat(book("on-call-quick-reference.md").services())
                .filteredOn(s -> s.name().equals(name))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.port()).isEqualTo(port);
                    assertThat(s.protocol()).isEqualTo(protocol);
                    assertThat(s.check()).isEqualTo(check);
                });
    }

    @Test
    void onlyTheQuickReferenceDeclaresServices() {
        assertThat(book("on-call-quick-reference.md").services()).hasSize(10);
        books.forEach((file, book) -> {
            if (!file.equals("on-call-quick-reference.md")) {
                assertThat(book.services()).as("services in %s", file).isEmpty();
            }
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            on-call-quick-reference.md | 1. Backend Health Check Failing                | /health returns 503
            on-call-quick-reference.md | 2. Unexpected 429 Too Many Requests            | 429 Too Many Requests
            rate-limiting.md           | Scenario 1: A legitimate customer receives 429 | still get 429
            rate-limiting.md           | Scenario 3: 429s from the ingress, not the API | no X-RateLimit-* headers
            database-connections.md    | Database Connections Exhausted                 | too many connections
            redis-failover.md          | Redis Down: Fallback and Failover              | RedisDown alert
            worker-queue-backlog.md    | Worker Queue Backlog                           | QueueDepthHigh
            websocket-disconnects.md   | WebSocket Disconnects                          | live feed freezing
            tls-certificates.md        | TLS Certificate Expiry                         | certificate has expired
            memory-pressure.md         | Scenario 1: Kubernetes node under memory pressure | being evicted
            memory-pressure.md         | Scenario 2: Staging host running out of memory | code 137
            kubernetes-pod-failures.md | 2. CrashLoopBackOff                            | CrashLoopBackOff
            kubernetes-pod-failures.md | 3. OOMKilled                                   | OOMKilled
            """)
    void incidentRunbooksLeadFromSymptomThroughDiagnosisToResolution(String file, String heading, String symptom) {
        Runbook book = book(file);
        Section root = section(book, heading);
        List<Section> parts = book.subtree(root);
        Set<SectionKind> kinds = parts.stream().map(Section::kind)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(SectionKind.class)));
        assertThat(kinds).contains(SectionKind.SYMPTOM, SectionKind.DIAGNOSIS, SectionKind.RESOLUTION);
        assertThat(parts).filteredOn(s -> s.kind() == SectionKind.SYMPTOM)
                .flatMap(Section::symptoms).anyMatch(s -> s.contains(symptom));
        assertThat(parts).filteredOn(s -> s.kind() == SectionKind.DIAGNOSIS)
                .flatMap(s -> book.subtree(s)).flatMap(Section::commands).isNotEmpty();
    }

    @Test
    void quickReferenceCommonIssuesAreFourProcedures() {
        assertThat(book("on-call-quick-reference.md").procedures()).extracting(Section::title).containsExactly(
                "1. Backend Health Check Failing", "2. Unexpected 429 Too Many Requests",
                "3. Queue Backing Up", "4. Live Feed Not Updating");
    }

    @Test
    void alertRunbooksNameEveryAlertInOrder() {
        assertThat(book("alerts.md").alerts()).extracting(Alert::name).containsExactly(
                "LanternApiDown", "HighErrorRate", "ApiLatencyHigh", "RateLimitRejectionsHigh",
                "PgBouncerPoolSaturated", "PostgresConnectionsNearLimit", "RedisDown", "QueueDepthHigh",
                "CeleryWorkersMissing", "WebSocketDisconnectSpike", "CertificateExpiringSoon", "PodCrashLooping",
                "ContainerOOMKilled", "NodeMemoryLow");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            LanternApiDown           | sum(up{job="lantern-api"}) == 0
            HighErrorRate            | lantern_http_requests_total{status=~"5.."}
            PgBouncerPoolSaturated   | pgbouncer_pools_client_waiting_connections
            QueueDepthHigh           | celery_queue_length
            CertificateExpiringSoon  | certmanager_certificate_expiration_timestamp_seconds
            ContainerOOMKilled       | reason="OOMKilled"
            """)
    void eachAlertCarriesItsExpressionAndAMitigation(String alert, String expression) {
        Runbook book = book("alerts.md");
        Alert named = book.alerts().stream().filter(a -> a.name().equals(alert)).findFirst().orElseThrow();
        Section root = book.sections().stream().filter(s -> s.path().equals(named.sectionPath()))
                .findFirst().orElseThrow();
        List<Section> parts = book.subtree(root);
        assertThat(parts).flatMap(Section::steps).filteredOn(s -> s.language().equals("promql"))
                .singleElement().satisfies(s -> {
                    assertThat(s.text()).contains(expression);
                    assertThat(s.commands()).isEmpty();
                });
        assertThat(parts).extracting(Section::title).contains("Meaning", "Impact", "Mitigation");
        assertThat(parts).filteredOn(s -> s.title().equals("Mitigation"))
                .extracting(Section::kind).containsOnly(SectionKind.RESOLUTION);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            SYMPTOM   | 429 Too Many Requests below the customer           | rate-limiting.md
            SYMPTOM   | too many connections                                  | database-connections.md
            SYMPTOM   | Pods in CrashLoopBackOff                              | kubernetes-pod-failures.md
            SYMPTOM   | OOMKilled, exit code 137                              | memory-pressure.md
            SYMPTOM   | WebSocket closed with 1006                            | websocket-disconnects.md
            SYMPTOM   | Certificate expired                                   | tls-certificates.md
            SYMPTOM   | Notifications, webhooks or exports arrive late        | worker-queue-backlog.md
            COMPONENT | PgBouncer                                             | database-connections.md
            COMPONENT | Redis (Celery broker)                                 | worker-queue-backlog.md
            COMPONENT | cert-manager                                          | tls-certificates.md
            COMPONENT | Celery workers                                        | kubernetes-pod-failures.md
            """)
    void indexSendsSymptomsAndComponentsToTheirRunbooks(IndexEntry.Kind kind, String key, String target) {
        assertThat(book("index.md").index())
                .filteredOn(e -> e.kind() == kind && e.key().contains(key))
                .singleElement()
                .satisfies(e -> assertThat(e.targets()).contains(target));
    }

    @ParameterizedTest
    @MethodSource("fileNames")
    void everyRelativeLinkPointsAtABundledFile(String file) throws IOException {
        // The model keeps a link's text, not its target, so the raw Markdown is read here.
        Matcher m = RELATIVE_LINK.matcher(Files.readString(dir.resolve(file)));
        while (m.find()) {
            assertThat(dir.resolve(m.group(1))).as("link in %s", file).isRegularFile();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            redis-failover.md          | redis-cli -p 6379 -n 1 FLUSHDB
            worker-queue-backlog.md    | kill -9 <pid>
            worker-queue-backlog.md    | celery -A lantern.worker purge -Q exports -f
            memory-pressure.md         | kill -9 <pid>
            memory-pressure.md         | kubectl drain <node-name>
            database-connections.md    | pg_terminate_backend(pid)
            database-connections.md    | DROP TABLE incident_activity_snapshot
            on-call-quick-reference.md | docker compose down
            kubernetes-pod-failures.md | helm rollback lantern <revision>
            kubernetes-pod-failures.md | kubectl delete pod <pod-name>
            tls-certificates.md        | kubectl delete secret lantern-tls
            """)
    void destructiveCommandsAreFlagged(String file, String fragment) {
        assertThat(commandsContaining(file, fragment)).isNotEmpty().allSatisfy(c -> assertThat(c.dangerous())
                .as("%s in %s", c.text(), file).isTrue());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            on-call-quick-reference.md | docker compose ps
            on-call-quick-reference.md | docker compose restart api
            redis-failover.md          | redis-cli -p 6379 ping
            database-connections.md    | SHOW POOLS;
            kubernetes-pod-failures.md | kubectl get pods -n ${NAMESPACE}
            kubernetes-pod-failures.md | kubectl logs <pod-name>
            """)
    void readOnlyCommandsAreNotFlagged(String file, String fragment) {
        assertThat(commandsContaining(file, fragment)).isNotEmpty().allSatisfy(c -> assertThat(c.dangerous())
                .as("%s in %s", c.text(), file).isFalse());
    }

    @Test
    void everyFlaggedCommandHasAWarningRightAboveIt() {
        List<String> unwarned = new ArrayList<>();
        books.forEach((file, book) -> book.sections().forEach(section -> {
            List<Block> blocks = section.blocks();
            for (int i = 0; i < blocks.size(); i++) {
                if (blocks.get(i) instanceof Block.Code code) {
                    String before = i > 0 && blocks.get(i - 1) instanceof Block.Text t ? t.plain() : "";
                    code.step().commands().stream()
                            .filter(c -> c.dangerous() && !(before + " " + c.description()).toLowerCase(Locale.ROOT)
                                    .contains("warning"))
                            .forEach(c -> unwarned.add(file + ":" + c.line() + " " + c.text()));
                }
            }
        }));
        assertThat(unwarned).isEmpty();
    }

    @Test
    void theRunbooksCarryDestructiveCommandsOfEveryKind() {
        Set<String> rules = books.values().stream().flatMap(b -> b.commands().stream())
                .filter(Command::dangerous).map(c -> c.danger().rule()).collect(Collectors.toSet());
        assertThat(rules).contains("redis-flush", "kill-9", "sql-drop", "pg-terminate", "compose-down",
                "helm-rollback", "kubectl-delete", "kubectl-drain");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            kubernetes-pod-failures.md | kubectl describe pod <pod-name> -n ${NAMESPACE}    | KUBECTL        | <pod-name> ${NAMESPACE}
            kubernetes-pod-failures.md | helm rollback lantern <revision>                   | HELM           | <revision> ${NAMESPACE}
            memory-pressure.md         | kubectl cordon <node-name>                         | KUBECTL        | <node-name>
            rate-limiting.md           | redis-cli -p 6379 SET "lantern:rl:override:        | REDIS_CLI      | <api-key-id>
            on-call-quick-reference.md | docker compose restart pgbouncer                   | DOCKER_COMPOSE | -
            memory-pressure.md         | {{.State.OOMKilled}}                               | DOCKER         | -
            database-connections.md    | psql -h localhost -p 5433 -U lantern -d lantern -c "SELECT pg_cancel_backend(<pid>);" | PSQL | <pid>
            """)
    void commandsKnowTheirToolAndWhatMustBeFilledIn(String file, String fragment, Runner runner, String tokens) {
        List<String> expected = tokens.equals("-") ? List.of() : List.of(tokens.split(" "));
        assertThat(commandsContaining(file, fragment)).first().satisfies(c -> {
            assertThat(c.runner()).isEqualTo(runner);
            assertThat(c.placeholders()).extracting(Placeholder::token).containsExactlyElementsOf(expected);
        });
    }

    @Test
    void consoleTranscriptsYieldOnlyThePromptedCommands() {
        List<String> texts = book("kubernetes-pod-failures.md").commands().stream().map(Command::text).toList();
        assertThat(texts).contains("kubectl get pods -n ${NAMESPACE}",
                "kubectl rollout status deployment/lantern-api -n lantern");
        assertThat(texts).noneMatch(t -> t.startsWith("NAME") || t.startsWith("lantern-") || t.startsWith("$")
                || t.startsWith("deployment \""));
    }

    @Test
    void frontMatterDescribesTheWebSocketRunbook() {
        Map<String, Object> front = book("websocket-disconnects.md").frontMatter();
        assertThat(front).containsEntry("owner", "lantern-realtime").containsEntry("severity", "P2");
    }

    private static Runbook book(String file) {
        assertThat(books).containsKey(file);
        return books.get(file);
    }

    private static Section section(Runbook book, String title) {
        return book.sections().stream().filter(s -> s.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no section '" + title + "' in " + book.file()));
    }

    private static List<Command> commandsContaining(String file, String fragment) {
        return book(file).commands().stream().filter(c -> c.text().contains(fragment)).toList();
    }
}
