package dev.incidentconsole.search;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each hit says which typed words it holds and where, synonyms included. */
class MatchExplainerTest {

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

    private static SearchHit hit(String typed, String title) {
        return index.search(SearchQuery.of(typed)).stream().filter(h -> h.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no hit " + title + " for " + typed));
    }

    @Test
    void aWordInTheSectionsOwnHeadingIsReportedAsHeading() {
        assertThat(hit("replication lag", "Replication Lag").matched()).containsExactly(
                new Match("replication", Match.Field.HEADING), new Match("lag", Match.Field.HEADING),
                new Match("behind", Match.Field.SYNONYM));
    }

    @Test
    void aWordOnlyInTheTextIsReportedAsText() {
        assertThat(hit("stale rows", "Replication Lag").matched()).containsExactly(
                new Match("stale", Match.Field.TEXT), new Match("rows", Match.Field.TEXT));
    }

    @Test
    void aListedSymptomIsReportedAsSymptom() {
        assertThat(hit("sorry too many clients", "Connection Pool Exhaustion").matched())
                .contains(new Match("clients", Match.Field.SYMPTOM));
    }

    @Test
    void aSynonymFoundInTheSectionIsReportedAsTheSynonym() {
        List<Match> matched = hit("too many requests", "Request Throttling").matched();
        assertThat(matched).contains(new Match("429", Match.Field.SYNONYM));
    }

    @Test
    void aWordTheSectionDoesNotHoldIsNotReportedButItsSynonymsSpelledAsInTheRulesAre() {
        assertThat(hit("replication kubelet", "Replication Lag").matched()).extracting(Match::word)
                .containsExactly("replication", "standby");
    }

    @Test
    void wordsOnlyInAHeadingAboveAreContext() {
        assertThat(hit("postgresql lag", "Replication Lag").matched())
                .contains(new Match("postgresql", Match.Field.CONTEXT));
    }

    @Test
    void theExplanationReadsGroupedByWhereTheWordsWereFound() {
        assertThat(Match.describe(List.of(new Match("pods", Match.Field.TEXT), new Match("restarting", Match.Field.HEADING),
                new Match("deploy", Match.Field.TEXT), new Match("rollout", Match.Field.SYNONYM))))
                .isEqualTo("heading: restarting \u00b7 text: pods, deploy \u00b7 synonym: rollout");
    }
}
