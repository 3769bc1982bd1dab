package dev.incidentconsole.search;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Matching and ranking on hand-built runbooks: synonyms, stemming, typos, alert names, numbers, phrases. */
class RunbookSearchTest {

    private static RunbookIndex index;

    @BeforeAll
    static void build() {
        index = new RunbookIndex(Fixtures.TMP);
        index.addAll(Fixtures.all());
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    private static List<String> titles(String text) {
        return index.search(SearchQuery.of(text)).stream().map(SearchHit::title).toList();
    }

    @ParameterizedTest(name = "\"{0}\" finds {1}")
    @CsvSource({
        "db out of connections, Connection Pool Exhaustion",
        "clients get too many requests, Request Throttling",
        "out of memory, Containers OOMKilled",
        "ssl expired, Certificate Expiration",
        "ws keeps disconnecting, WebSocket Disconnections",
        "redis down, Sentinel Failover",
        "k8s crash loop, Pods in CrashLoopBackOff",
        "pg standby behind, Replication Lag",
        "database disk full, Data Volume Full",
    })
    void synonymsFindSectionsWordedDifferently(String typed, String expected) {
        assertThat(titles(typed)).first().isEqualTo(expected);
    }

    @Test
    void rateLimitedFindsThrottlingFirstThroughASynonymOfBothWords() {
        // Was third: HighErrorRate's heading holds "rate" and OOMKilled's text "limit", one typed word each, while
        // Request Throttling holds only synonyms (429, throttling), which weighed half a word. Those synonyms stand
        // for both words at once ("rate limited"), so they now weigh as two.
        assertThat(titles("rate limited")).first().isEqualTo("Request Throttling");
    }

    @ParameterizedTest(name = "\"{0}\" finds {1}")
    @CsvSource({
        "restarting gateway pods, Gateway Restart Procedure",
        "connections exhausted, Connection Pool Exhaustion",
        "keys evicted, Evictions",
        "certificates expiring, Certificate Expiration",
    })
    void inflectedWordsMatchTheirStem(String typed, String expected) {
        assertThat(titles(typed)).first().isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" finds {1}")
    @CsvSource({
        "conection pool exhuastion, Connection Pool Exhaustion",
        "certficate expiraton, Certificate Expiration",
        "websockt disconections, WebSocket Disconnections",
        "replicaton lagg, Replication Lag",
    })
    void typosAreTolerated(String typed, String expected) {
        assertThat(titles(typed)).first().isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" finds {1}")
    @CsvSource({
        "HighErrorRate, HighErrorRate",
        "high error rate, HighErrorRate",
        "higherrorrate firing, HighErrorRate",
        "crashloopbackoff, Pods in CrashLoopBackOff",
        "oom killed, Containers OOMKilled",
    })
    void alertAndCamelCaseNamesMatchWholeAndSplit(String typed, String expected) {
        assertThat(titles(typed)).first().isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" finds {1}")
    @CsvSource({
        "429, Request Throttling",
        "OOMKilled, Containers OOMKilled",
        "exit code 137, Containers OOMKilled",
        "5xx, HighErrorRate",
        "ERR_CERT_DATE_INVALID, Certificate Expiration",
    })
    void numbersAndCodesMatchExactly(String typed, String expected) {
        assertThat(titles(typed)).first().isEqualTo(expected);
    }

    @Test
    void numbersAreNotFuzzy() {
        assertThat(titles("428")).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" finds {1}")
    @CsvSource({
        "websock, WebSocket Disconnections",
        "certificate expi, Certificate Expiration",
        "sentin, Sentinel Failover",
    })
    void theWordBeingTypedMatchesAsAPrefix(String typed, String expected) {
        assertThat(titles(typed)).first().isEqualTo(expected);
    }

    @Test
    void quotedPhraseMustAppear() {
        assertThat(titles("\"no space left\"")).containsExactly("Data Volume Full");
        assertThat(titles("\"space no left\"")).isEmpty();
    }

    @Test
    void stopWordsAloneFindNothing() {
        assertThat(titles("the of and")).isEmpty();
        assertThat(titles("   ")).isEmpty();
    }

    @Test
    void adjacentWordsRankAboveScatteredOnes() throws IOException {
        try (RunbookIndex local = new RunbookIndex(Fixtures.TMP)) {
            local.add(Runbooks.runbook("a.md", "A").heading(2, "Upstream Checks",
                    "The upstream connection is fine but the health probe refused to start.").build());
            local.add(Runbooks.runbook("b.md", "B").heading(2, "Upstream Errors",
                    "The upstream logs say connection refused when the pool is empty.").build());
            List<SearchHit> hits = local.search(SearchQuery.of("connection refused"));
            assertThat(hits).extracting(SearchHit::title).containsExactly("Upstream Errors", "Upstream Checks");
        }
    }

    @Test
    void withoutSynonymsOnlyLiteralWordsMatch() throws IOException {
        try (RunbookIndex plain = new RunbookIndex(Synonyms.none(), IndexListener.NONE, Fixtures.TMP)) {
            plain.addAll(Fixtures.all());
            assertThat(plain.search(SearchQuery.of("ws"))).isEmpty();
            plain.setSynonyms(Synonyms.bundled());
            assertThat(plain.search(SearchQuery.of("ws"))).extracting(SearchHit::title)
                    .first().isEqualTo("WebSocket Disconnections");
        }
    }
}
