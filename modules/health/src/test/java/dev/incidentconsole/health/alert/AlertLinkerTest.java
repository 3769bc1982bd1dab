package dev.incidentconsole.health.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.incidentconsole.health.FiringAlert;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.spec.TcpSpec;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.RunbookParser;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.incidentconsole.health.testing.SharedRunbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Firing alerts linked to the runbook sections that answer them, each kind of link on its own. */
class AlertLinkerTest {
    private static final String DATABASE = """
            # Database runbook

            ## 1. Connections: exhausted (PgBouncer & Postgres)

            **Symptoms:** `too many connections`

            **Diagnosis:**
            ```bash
            psql -c "SELECT count(*) FROM pg_stat_activity"
            ```

            ## Replication lag

            Watch `pg_replication_lag_seconds` on the replica.

            ## Replication lag

            The second heading of that name, for anchors numbered -1.

            ## Alerts

            | Alert | Severity | Meaning |
            |---|---|---|
            | PostgresReplicaBehind | warning | the replica is behind |

            - High Error Rate on the API: see the API runbook
            - `DiskAlmostFull`: free space below 10 %
            """;
    private static final String API = """
            # API runbook

            ## Alert: HighLatency

            Slow answers.

            ## Metrics

            ```promql
            histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))
            ```
            """;
    private final RunbookParser parser = new RunbookParser();
    private final Runbook database = parser.parse(Path.of("/srv/wiki/docs/runbooks/database.md"), DATABASE);
    private final Runbook api = parser.parse(Path.of("/srv/wiki/docs/api.md"), API);
    private final AlertLinker linker = new AlertLinker(List.of(database, api));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
        // GitHub: punctuation dropped, each space a hyphen (so "& " leaves two), the second "Replication lag" is -1
        "https://github.com/acme/ops/blob/main/docs/runbooks/database.md#1-connections-exhausted-pgbouncer--postgres => 1. Connections: exhausted (PgBouncer & Postgres)",
        "https://github.com/acme/ops/blob/main/docs/runbooks/database.md#replication-lag-1 => Replication lag#2",
        "https://github.com/acme/ops/blob/v2.3/docs/runbooks/database.md#replication-lag => Replication lag#1",
        // GitLab: the same, hyphen runs collapsed; group/subgroup paths and /-/blob/
        "https://gitlab.example.com/infra/sre/ops/-/blob/main/docs/runbooks/database.md#1-connections-exhausted-pgbouncer-postgres => 1. Connections: exhausted (PgBouncer & Postgres)",
        "https://gitlab.example.com/infra/ops/-/blob/main/docs/runbooks/database.md#replication-lag-1 => Replication lag#2",
        // a wiki page without extension, a relative path, a percent-encoded heading text
        "https://github.com/acme/ops/wiki/database#alerts => Alerts",
        "runbooks/database.md#alerts => Alerts",
        "https://wiki.example.com/database.md#Replication%20lag => Replication lag#1",
    })
    void runbookUrlAnnotationFindsTheFileAndTheAnchoredHeading(String url, String expected) {
        AlertAnswer first = linker.answers(alert("Anything", Map.of("runbook_url", url), "")).get(0);
        assertThat(first.kind()).isEqualTo(AlertAnswer.Kind.RUNBOOK_URL);
        assertThat(first.runbook()).isSameAs(database);
        String title = expected.replaceFirst("#\\d$", "");
        assertThat(first.section().title()).isEqualTo(title);
        if (expected.endsWith("#2")) {
            assertThat(first.section().line()).isGreaterThan(database.sections().stream()
                    .filter(s -> s.title().equals(title)).findFirst().orElseThrow().line());
        }
    }

    @Test
    void runbookUrlMatchesTheLongestPathSuffixWhenTwoFilesShareAName() {
        Runbook other = parser.parse(Path.of("/srv/other/database.md"), "# Other\n\n## Alerts\n");
        AlertLinker two = new AlertLinker(List.of(other, database));
        AlertAnswer a = two.answers(alert("X", Map.of("runbook", "https://github.com/a/b/blob/main/docs/runbooks/database.md"), "")).get(0);
        assertThat(a.runbook()).isSameAs(database);
        assertThat(a.section()).isNull();
    }

    @Test
    void runbookUrlWithoutALocalFileIsStillOfferedToOpen() {
        String url = "https://runbooks.example.com/payments/checkout-errors";
        List<AlertAnswer> answers = linker.answers(alert("CheckoutErrors", Map.of("runbook_url", url), ""));
        assertThat(answers).hasSize(1);
        assertThat(answers.get(0).local()).isFalse();
        assertThat(answers.get(0).url()).isEqualTo(url);
        assertThat(answers.get(0).why()).contains("browser");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
        "PostgresReplicaBehind => Alerts         => name in a table cell",
        "HighErrorRate         => Alerts         => name in a list item",
        "DiskAlmostFull        => Alerts         => name in inline code",
        "HighLatency           => Alert: HighLatency => name in its heading",
        "high_latency          => Alert: HighLatency => name in its heading",
        "ReplicationLag        => Replication lag => name in its heading",
    })
    void nameIsFoundCamelCaseAwareInHeadingsListsTablesAndCode(String name, String section, String why) {
        AlertAnswer first = linker.answers(alert(name, Map.of(), "")).get(0);
        assertThat(first.kind()).isEqualTo(AlertAnswer.Kind.NAME);
        assertThat(first.section().title()).isEqualTo(section);
        assertThat(first.why()).isEqualTo(why);
    }

    @Test
    void oneWordNamesAreNotFoundInsideOrdinaryWords() {
        assertThat(linker.answers(alert("Connections", Map.of(), ""))).extracting(a -> a.section().title())
                .containsExactly("1. Connections: exhausted (PgBouncer & Postgres)");
        assertThat(linker.answers(alert("Watch", Map.of(), ""))).isEmpty();
    }

    @ParameterizedTest(name = "{0} => {1}")
    @CsvSource(delimiterString = "=>", value = {
        "'the Watchdog alert fires'      => true",
        "'Watchdog.'                     => true",
        "'(Watchdog)'                    => true",
        "'watchdog'                      => true",
        "'Watch-dog'                     => true",
        "'the watchdog timer'            => false",
        "'Watchdog-timer expired'        => false",
        "'Watchdog_total climbs'         => false",
        "'NoWatchdog here'               => false",
        "'Watchdog2 is another alert'    => false",
        "'see Wätchdog or Watchdogs'     => false",
    })
    void oneWordNameCountsOnlyAsAWholeName(String item, boolean found) {
        Runbook runbook = parser.parse(Path.of("/srv/wiki/w.md"), "# W\n\n## Notes\n\n- " + item + "\n");
        assertThat(AlertMentions.name(runbook, "Watchdog")).as(item).hasSize(found ? 1 : 0);
        assertThat(AlertMentions.key("PG-Bouncer_2")).isEqualTo("pgbouncer2");
    }

    @Test
    void metricsOfTheExpressionFindTheSectionThatUsesThem() {
        String expr = "pg_replication_lag_seconds{instance=\"db-2:9187\"} > 30 and on(instance) up == 1";
        List<AlertAnswer> answers = linker.answers(alert("SomethingElse", Map.of(), generator(expr)));
        assertThat(answers).extracting(a -> a.section().title()).containsExactly("Replication lag");
        assertThat(answers.get(0).kind()).isEqualTo(AlertAnswer.Kind.EXPRESSION);
        assertThat(answers.get(0).why()).isEqualTo("expression: metric pg_replication_lag_seconds in its text");

        String histogram = "histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job=\"api\"}[5m]))) > 0.5";
        AlertAnswer code = linker.answers(alert("Unnamed", Map.of(), generator(histogram))).get(0);
        assertThat(code.section().title()).isEqualTo("Metrics");
        assertThat(code.why()).contains("http_request_duration_seconds_bucket").endsWith("in its commands");
    }

    @Test
    void diagnosisLabelAnswersAsItsProcedureHeading() {
        List<AlertAnswer> a = linker.answers(alert("ConnectionSaturation", Map.of(), generator("max(pg_stat_activity) by (datname) > 180")));
        assertThat(a).extracting(x -> x.section().title()).containsExactly("1. Connections: exhausted (PgBouncer & Postgres)");
        assertThat(a.get(0).why()).isEqualTo("expression: metric pg_stat_activity in its commands");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
        "up{job=\"api\"} == 0                                      => up",
        "sum by (job, instance) (rate(errors_total[5m])) / on(job) group_left sum(requests_total) => errors_total requests_total",
        "absent(node_exporter_build_info{name=\"a b\"}) or vector(0)     => node_exporter_build_info",
        "increase(x_total[1h] offset 1d) > 1e3 and bool y:recorded:rate5m   => x_total y:recorded:rate5m",
    })
    void expressionMetricsLeaveOutFunctionsLabelsAndKeywords(String expr, String metrics) {
        assertThat(PromQl.metrics(expr)).containsExactly(metrics.split(" "));
    }

    @Test
    void aStrongerReasonKeepsItsPlaceAndASectionIsListedOnce() {
        String url = "https://github.com/acme/ops/blob/main/docs/api.md#alert-highlatency";
        List<AlertAnswer> answers = linker.answers(alert("HighLatency", Map.of("runbook_url", url),
                generator("rate(http_request_duration_seconds_bucket[5m])")));
        assertThat(answers).extracting(AlertAnswer::kind).containsExactly(AlertAnswer.Kind.RUNBOOK_URL, AlertAnswer.Kind.EXPRESSION);
        assertThat(answers.get(0).section().title()).isEqualTo("Alert: HighLatency");
        assertThat(answers.get(1).section().title()).isEqualTo("Metrics");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
        "service=pgbouncer                      => PgBouncer",
        "job=PG-Bouncer                         => PgBouncer",
        "deployment=checkout                    => Checkout",
        "pod=checkout-7d9f8b6c5d-x2x7q          => Checkout",
        "pod=postgres-0                         => Postgres",
        "instance=127.0.0.1:6432                => PgBouncer",
        "instance=localhost:5433                => Postgres",
        "namespace=payments                     => Checkout",
        "component=postgresql                   => Postgres",
    })
    void labelsNameTheDashboardsServices(String label, String service) {
        List<ServiceSpec> services = List.of(
                ServiceSpec.of("PgBouncer", "localhost", 6432, new TcpSpec("localhost", 6432)),
                new ServiceSpec("Postgres", "localhost", 5433, new TcpSpec("localhost", 5433), null, null, 1, null, null,
                        List.of(), List.of("PostgreSQL"), List.of(), "", List.of()),
                new ServiceSpec("Checkout", "10.0.0.5", 8080, new TcpSpec("10.0.0.5", 8080), null, null, 1, null, null,
                        List.of("payments"), List.of(), List.of(), "", List.of()));
        String[] kv = label.split("=", 2);
        FiringAlert a = new FiringAlert("X", "", Map.of("alertname", "X", kv[0], kv[1]), "", null, "");
        assertThat(linker.services(a, services)).extracting(m -> m.service().name()).containsExactly(service);
        assertThat(linker.services(a, services).get(0).label()).isEqualTo(kv[0] + "=\"" + kv[1] + "\"");
    }

    @Test
    void instanceOnAnotherHostOrPortNamesNoService() {
        ServiceSpec pg = ServiceSpec.of("PgBouncer", "localhost", 6432, new TcpSpec("localhost", 6432));
        assertThat(AlertLinker.concerns(alert("X", Map.of(), "", Map.of("instance", "db-1:6432")), pg)).isFalse();
        assertThat(AlertLinker.concerns(alert("X", Map.of(), "", Map.of("instance", "localhost:6433")), pg)).isFalse();
    }

    @Test
    void seedRunbookAnswersItsRateLimitMetricWithTheRateLimitingProcedure() throws IOException {
        Runbook seed = parser.parse(shared("seeds/000_8a79b9de71f785a0.txt"));
        List<AlertAnswer> answers = new AlertLinker(List.of(seed)).answers(alert("RedisRateLimiterDown", Map.of(),
                generator("aos_rate_limit_redis_connected == 0")));
        assertThat(answers).extracting(a -> a.section().title())
                .containsExactly("2. Rate Limiting Issues", "Critical Alerts");
    }

    @Test
    void aMetricNamedByAPlainWordLinksOnlyWhereItIsQueried() throws IOException {
        // Prometheus' up is also the word of "scale up" and "docker compose up": the seeds say it in 30-odd sections
        List<Runbook> runbooks = new ArrayList<>();
        for (String file : List.of("seeds/000_8a79b9de71f785a0.txt", "seeds/002_572c25c714beff75.txt",
                "seeds/003_18a3cb0d6890033e.txt", "corpus/openshift__TargetDown.md")) {
            runbooks.add(parser.parse(shared(file)));
        }
        List<AlertAnswer> answers = new AlertLinker(runbooks).answers(alert("ScrapeTargetGone", Map.of(),
                generator("up{job=\"redis\"} == 0")));
        assertThat(answers).isNotEmpty().allSatisfy(a -> {
            assertThat(a.runbook().file().getFileName().toString()).isEqualTo("openshift__TargetDown.md");
            assertThat(a.section().text()).contains("up == 0");
        });
    }

    private static FiringAlert alert(String name, Map<String, String> annotations, String generatorUrl) {
        return alert(name, annotations, generatorUrl, Map.of());
    }

    private static FiringAlert alert(String name, Map<String, String> annotations, String generatorUrl, Map<String, String> labels) {
        java.util.Map<String, String> all = new java.util.HashMap<>(labels);
        all.put("alertname", name);
        return new FiringAlert(name, "warning", all, "", null, "", annotations, generatorUrl, "active");
    }

    private static String generator(String expr) {
        return "http://prometheus:9090/graph?g0.expr=" + URLEncoder.encode(expr, StandardCharsets.UTF_8) + "&g0.tab=1";
    }

    private static Path shared(String relative) {
        return SharedRunbooks.path(relative);
    }
}
