package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComponentsTest {

    private final Components components = Components.standard();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            psql -h localhost -p 6432                      | PostgreSQL
            restart postgres then pgbouncer                | PostgreSQL,PgBouncer
            pg_dump nova > backup.sql                      | PostgreSQL
            the pg cluster                                 | PostgreSQL
            PGPASSWORD=secret ./run                        | ''
            kubectl get pods -n x                          | Kubernetes
            K8S readiness                                  | Kubernetes
            kube-apiserver is slow                         | Kubernetes
            docker-compose logs and docker compose ps      | Docker
            redis-cli FLUSHDB                              | Redis
            celery-worker restarting                       | Celery
            cert-manager renewal                           | cert-manager
            etcdctl defrag                                 | etcd
            Sidekiq queue in GitLab                        | Sidekiq,GitLab
            vtgate and vttablet                            | Vitess
            ceph osd near full                             | Ceph
            Thanos compactor and Loki and Tempo            | Thanos,Loki,Tempo
            Elasticsearch cluster health                   | Elasticsearch
            MySQL replication                              | MySQL
            CockroachDB node                               | CockroachDB
            Alertmanager and Grafana and Prometheus        | Alertmanager,Grafana,Prometheus
            websocat ws://localhost:8766                   | WebSocket
            Jaeger UI and Vault secrets and nginx          | Jaeger,Vault,nginx
            helm upgrade                                   | Helm
            upgrading, a pgsqlish word, dockerfile          | ''
            """)
    void mentionsAreMatchedOnWholeWordsCaseInsensitively(String text, String expected) {
        List<String> names = expected == null || expected.isEmpty() ? List.of() : Arrays.asList(expected.split(","));
        assertThat(components.find(text)).containsExactlyElementsOf(names);
    }

    @Test
    void aliasesResolveToCanonicalNames() {
        assertThat(components.canonical("psql")).contains("PostgreSQL");
        assertThat(components.canonical("K8s")).contains("Kubernetes");
        assertThat(components.canonical("pg_stat_activity")).contains("PostgreSQL");
        assertThat(components.canonical("nothing-here")).isEmpty();
        assertThat(components.names()).contains("PostgreSQL", "Redis", "Kubernetes", "Ceph").doesNotHaveDuplicates();
    }

    @Test
    void aCustomCatalogIsReadFromNameAndAliasLines() {
        Components custom = Components.of(List.of("# comment", "", "Payments API: payments, pay-api, pay_*",
                "Ledger: ledger"));

        assertThat(custom.find("restart pay-api, then check the ledger and pay_worker")).containsExactly(
                "Payments API", "Ledger");
        assertThat(custom.names()).containsExactly("Payments API", "Ledger");
    }

    @Test
    void multiWordAliasesMatchAcrossSpacesEvenPastALoneHyphenButNotPunctuation() {
        Components custom = Components.of(List.of("Object Store: object store, minio", "Queue: job queue*"));

        assertThat(custom.find("the Object Store is full")).containsExactly("Object Store");
        assertThat(custom.find("object - store")).containsExactly("Object Store");
        assertThat(custom.find("object, store")).isEmpty();
        assertThat(custom.find("object  store")).containsExactly("Object Store");
        assertThat(custom.find("JOB QUEUEs backing up")).containsExactly("Queue");
    }

    @Test
    void theFirstPrefixAliasInCatalogOrderWins() {
        Components custom = Components.of(List.of("Short: pay*", "Long: payments*", "Exact: paymentsapi"));

        assertThat(custom.find("payments-gateway")).containsExactly("Short");
        assertThat(custom.find("PaymentsAPI")).containsExactly("Exact");
        assertThat(custom.find("pa")).isEmpty();
    }

    @Test
    void hyphenatedWordsCountByTheirPartsOnlyWhenTheWholeIsNotAnAlias() {
        assertThat(components.find("--redis--")).containsExactly("Redis");
        assertThat(components.find("kafka-redis-x")).containsExactly("Kafka", "Redis");
        assertThat(components.find("redis-cli")).containsExactly("Redis");
    }

    @Test
    void aWordNoAliasGoesOnWithStillCountsByThePartsAfterItsHyphensAndEndsWhereItsLettersEnd() {
        assertThat(components.find("zzzz-redis")).containsExactly("Redis");
        assertThat(components.find("redisx_y-kafka9-celery")).containsExactly("Celery");
        assertThat(components.find("xyz\u00e9-redis")).containsExactly("Redis");
        assertThat(components.find("qqq_redis.kafka")).containsExactly("Kafka");
        assertThat(components.find("pg_anything_at_all and zzz")).containsExactly("PostgreSQL");
    }

    @Test
    void aliasesWithCharactersBeyondAsciiWordsAreFoundToo() {
        Components custom = Components.of(List.of("Caf\u00e9: caf\u00e9-x, caf\u00e9*", "Dotted: node.js, node"));

        assertThat(custom.find("the CAF\u00c9-X box")).containsExactly("Caf\u00e9");
        assertThat(custom.find("caf\u00e9teria")).containsExactly("Caf\u00e9");
        assertThat(custom.find("cafe")).isEmpty();
        assertThat(custom.find("node.js")).containsExactly("Dotted");
    }

    @Test
    void repeatedMentionsKeepTheOrderOfFirstMention() {
        assertThat(components.find("redis then pg, then redis-cli and PG again, then kafka and redis"))
                .containsExactly("Redis", "PostgreSQL", "Kafka");
        assertThat(components.find("pg- -kafka- redis---cli")).containsExactly("PostgreSQL", "Kafka", "Redis");
    }

    @Test
    void wordsBeyondAsciiAreLowerCasedByTheRootLocale() {
        // KELVIN SIGN lower-cases to an ASCII k; the Turkish dotted capital I does not lower-case to a plain i
        assertThat(components.find("\u212Aafka lag")).containsExactly("Kafka");
        assertThat(components.find("R\u00e9dis and \u0130stio and CELERY\u00e9")).isEmpty();
        assertThat(components.find("n\u00e9 redis")).containsExactly("Redis");
    }

    /** A section's commands tell its component where its words do not: typed at redis-cli's prompt, or a language. */
    @Test
    void aSectionWhoseCommandsAreRedisIsRedisWhenNoWordSaysSo() {
        String md = """
                # Cache

                ## Who follows whom

                Ask the replica.

                ```
                127.0.0.1:6380> INFO replication
                ```

                ## Memory

                ```redis
                MEMORY STATS
                ```

                ## Reads

                ```bash
                redis-cli -p 6380 info replication
                ```

                ## Nothing

                ```text
                done > ok
                ```
                """;
        List<Section> sections = new RunbookParser().parse(java.nio.file.Path.of("cache.md"), md).sections();
        assertThat(sections).extracting(Section::components).containsExactly(List.of(), List.of("Redis"),
                List.of("Redis"), List.of("Redis"), List.of());
    }
}
