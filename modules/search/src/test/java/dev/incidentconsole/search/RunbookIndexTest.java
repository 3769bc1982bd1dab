package dev.incidentconsole.search;

import dev.incidentconsole.runbook.SecretMasker;
import dev.incidentconsole.runbook.SectionKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Filters, result fields, snippets and index updates. */
class RunbookIndexTest {

    private RunbookIndex index;

    @BeforeEach
    void build() {
        index = new RunbookIndex(Fixtures.TMP);
        index.addAll(Fixtures.all());
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    @Test
    void hitCarriesFileHeadingPathLineKindAndComponents() {
        SearchHit hit = index.search(SearchQuery.of("too many clients")).get(0);
        assertThat(hit.file()).isEqualTo(Path.of("/runbooks/database.md"));
        assertThat(hit.runbookTitle()).isEqualTo("PostgreSQL Runbook");
        assertThat(hit.path()).containsExactly("PostgreSQL Runbook", "Connection Pool Exhaustion");
        assertThat(hit.line()).isEqualTo(Fixtures.database().sections().get(1).line());
        assertThat(hit.kind()).isEqualTo(SectionKind.OTHER);
        assertThat(hit.components()).containsExactly("PostgreSQL", "PgBouncer");
        assertThat(hit.score()).isPositive();
    }

    @Test
    void aBulkLoadEndsAsOneSegmentAndEditsAddAtMostOneMore() throws IOException {
        assertThat(index.segments()).isEqualTo(1);
        index.add(Fixtures.database());
        assertThat(index.segments()).isGreaterThan(1);
        for (int i = 0; i < 12; i++) { // new runbooks saved one by one: each adds a segment...
            index.add(Runbooks.runbook("new-" + i + ".md", "New " + i).heading(2, "Step " + i, "Restart it.").build());
        }
        assertThat(index.segments()).as("...and the small ones are merged at once").isLessThanOrEqualTo(2);
        index.addAll(List.of(Fixtures.api(), Fixtures.redis()));
        assertThat(index.segments()).isEqualTo(1);
        assertThat(index.search(SearchQuery.of("too many clients"))).isNotEmpty();
    }

    @Test
    void labelledPartsFoldIntoTheirProcedure() {
        List<SearchHit> hits = index.search(SearchQuery.of("terminate idle sessions"));
        assertThat(hits).extracting(SearchHit::pathString).first()
                .isEqualTo("PostgreSQL Runbook > Connection Pool Exhaustion");
        assertThat(hits).extracting(SearchHit::title).doesNotContain("Resolution", "Symptoms", "Diagnosis");
    }

    @Test
    void componentFilterKeepsOnlySectionsMentioningIt() {
        List<SearchHit> hits = index.search(SearchQuery.of("restart").withComponents("redis"));
        assertThat(hits).isNotEmpty().allSatisfy(h -> assertThat(h.components()).contains("Redis"));
        assertThat(index.search(SearchQuery.of("restart"))).extracting(SearchHit::title)
                .contains("Gateway Restart Procedure");
    }

    @Test
    void kindFilterMatchesProceduresWithAPartOfThatKind() {
        List<SearchHit> hits = index.search(SearchQuery.of("pool quota replica").withKinds(SectionKind.RESOLUTION));
        assertThat(hits).extracting(SearchHit::title)
                .containsExactlyInAnyOrder("Connection Pool Exhaustion", "Request Throttling", "Sentinel Failover");
    }

    @Test
    void runbookFilterLimitsToThoseFiles() {
        List<SearchHit> hits = index.search(SearchQuery.of("restart").withRunbooks(Path.of("/runbooks/redis.md")));
        assertThat(hits).isNotEmpty().allSatisfy(h -> assertThat(h.file()).isEqualTo(Path.of("/runbooks/redis.md")));
    }

    @Test
    void filtersWithoutTextListSectionsInFileOrder() {
        List<SearchHit> hits = index.search(SearchQuery.of("").withComponents("Kubernetes"));
        assertThat(hits).extracting(SearchHit::title).containsExactly("Gateway Restart Procedure",
                "Pods in CrashLoopBackOff", "Containers OOMKilled", "Node NotReady");
    }

    @Test
    void limitCapsTheHits() {
        assertThat(index.search(SearchQuery.of("the container restart pods kubelet").withLimit(2))).hasSize(2);
    }

    @Test
    void snippetMarksTheMatchedWordsWithRanges() {
        Snippet snippet = index.search(SearchQuery.of("429")).get(0).snippet();
        assertThat(snippet.marked()).contains("«429»");
        assertThat(snippet.highlights()).isNotEmpty().allSatisfy(h ->
                assertThat(snippet.text().substring(h.start(), h.end())).isEqualTo("429"));
        assertThat(snippet.text()).doesNotContain("\n");
    }

    @Test
    void aNumberedHeadingIsNotFoundByItsDigitsJoined() {
        index.add(Runbooks.runbook("layout.md", "Layout").heading(2, "4.2.9 Disk layout", "Partitions.").build());

        assertThat(index.search(SearchQuery.of("429"))).noneSatisfy(h -> assertThat(h.title()).contains("4.2.9"));
        assertThat(index.search(SearchQuery.of("disk layout"))).anySatisfy(h -> assertThat(h.title()).contains("4.2.9"));
    }

    @Test
    void snippetsShowTheRunbooksSecretsMaskedAndKeepTheirHighlights() {
        index.add(Runbooks.runbook("checkout.md", "Checkout").heading(2, "Cache down",
                "Read its role: redis-cli -h 127.0.0.1 -p 26379 -a 'R3dis-Secret!' CONFIG GET requirepass."
                        + " Check the pool: PGPASSWORD='Mon-pw-77' psql -h 127.0.0.1 -p 26432 -U monitor -c 'select 1'."
                        + " Fetch the config: curl -s http://deploy:Hunter2-url@127.0.0.1:28080/config").build());

        Snippet snippet = index.search(SearchQuery.of("requirepass pool")).get(0).snippet();

        assertThat(snippet.text()).doesNotContain("R3dis-Secret", "Mon-pw-77", "Hunter2-url")
                .contains("-a '****' CONFIG GET", "PGPASSWORD='****' psql");
        assertThat(snippet.marked()).contains("«requirepass»", "«pool»");
        assertThat(snippet.highlights()).isNotEmpty().allSatisfy(h ->
                assertThat(snippet.text().substring(h.start(), h.end())).isIn("requirepass", "pool"));
    }

    /**
     * The passage starts about half a snippet before the match: after a long command line, the client or the
     * variable that makes the value a secret is cut off, and the secret must be masked all the same.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
        "R3dis-Secret! ; redis-cli -h cache-primary.checkout.svc.cluster.local -p 26379 --tls --cacert "
                + "/etc/ssl/certs/checkout-redis-ca.pem --user monitor -a 'R3dis-Secret!' CONFIG GET requirepass "
                + "; requirepass",
        "hunter2 ; env PGCONNECT_TIMEOUT=5 PGSSLMODE=require PGPASSWORD=hunter2 psql -h pgbouncer.checkout.svc "
                + "-U monitor -tAc 'SHOW POOLS' | grep cl_waiting ; cl_waiting",
    })
    void aSecretIsMaskedWhenTheSnippetIsCutAfterWhatMadeItOne(String secret, String command, String query) {
        String filler = "Routine text about nothing in particular. ".repeat(20);
        index.add(Runbooks.runbook("cut.md", "Cut").heading(2, "Cut Section",
                filler + "Run: " + command + " and read the answer. " + filler).build());

        Snippet snippet = index.search(SearchQuery.of(query)).stream()
                .filter(h -> h.file().endsWith("cut.md")).findFirst().orElseThrow().snippet();

        assertThat(snippet.text()).as("cut inside the command").startsWith("…").doesNotContain("Run:")
                .doesNotContain(secret).contains(SecretMasker.MASK);
        assertThat(snippet.marked()).contains("«" + query + "»");
    }

    @Test
    void snippetHighlightsStemmedAndSynonymMatches() {
        Snippet snippet = index.search(SearchQuery.of("redis down")).get(0).snippet();
        assertThat(snippet.highlights()).extracting(h -> snippet.text().substring(h.start(), h.end()))
                .contains("unreachable");
    }

    @Test
    void longSectionsGetAShortSnippetAroundTheMatch() {
        String filler = "Routine text about nothing in particular. ".repeat(40);
        index.add(Runbooks.runbook("long.md", "Long").heading(2, "Long Section",
                filler + "The flux capacitor overheats here. " + filler).build());
        Snippet snippet = index.search(SearchQuery.of("flux capacitor")).get(0).snippet();
        assertThat(snippet.text()).hasSizeLessThan(BodySnippets.LENGTH * 2).startsWith("…").endsWith("…");
        assertThat(snippet.marked()).contains("«flux»").contains("«capacitor»");
    }

    @Test
    void addingAFileAgainReplacesItsSections() {
        index.add(Runbooks.runbook("redis.md", "Redis Runbook")
                .heading(2, "Cluster Resharding", "Move slots between shards.", "Redis").build());
        assertThat(index.search(SearchQuery.of("sentinel failover"))).extracting(SearchHit::title)
                .doesNotContain("Sentinel Failover");
        assertThat(index.search(SearchQuery.of("resharding"))).extracting(SearchHit::title)
                .containsExactly("Cluster Resharding");
    }

    @Test
    void removedFileNoLongerMatches() {
        assertThat(index.remove(Path.of("/runbooks/tls.md"))).isTrue();
        assertThat(index.search(SearchQuery.of("certificate"))).isEmpty();
        assertThat(index.files()).doesNotContain(Path.of("/runbooks/tls.md")).hasSize(5);
        assertThat(index.remove(Path.of("/runbooks/tls.md"))).isFalse();
    }

    @Test
    void removingAFolderRemovesEveryRunbookUnderIt() {
        assertThat(index.remove(Path.of("/runbooks"))).isTrue();
        assertThat(index.files()).isEmpty();
    }
}
