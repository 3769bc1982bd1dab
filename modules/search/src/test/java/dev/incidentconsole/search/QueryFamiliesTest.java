package dev.incidentconsole.search;

import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.RunbookParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Families of short queries that used to go wrong, against the real seeds, corpus and bundled runbooks: status
 * codes ("429s", "5xx"), resource exhaustion named in an alert ("inodes"), and a component's bare name
 * ("Sidekiq"). Each case is a family's rule, not one string's answer.
 */
class QueryFamiliesTest {

    private static RunbookIndex everything;
    private static RunbookIndex corpus;

    @BeforeAll
    static void index() throws IOException {
        ParserReady.assumeParser();
        List<Path> folders = SymptomQueryTest.folders();
        assumeTrue(folders.stream().anyMatch(f -> f.endsWith("corpus")), "the shared corpus is not available");
        everything = new RunbookIndex(Fixtures.TMP);
        everything.addAll(parse(folders));
        corpus = new RunbookIndex(Fixtures.TMP);
        corpus.addAll(parse(folders.stream().filter(f -> f.endsWith("corpus")).toList()));
    }

    @AfterAll
    static void close() throws IOException {
        for (RunbookIndex index : new RunbookIndex[] {everything, corpus}) {
            if (index != null) {
                index.close();
            }
        }
    }

    private static List<Runbook> parse(List<Path> folders) throws IOException {
        RunbookParser parser = new RunbookParser();
        List<Runbook> out = new ArrayList<>();
        for (Path folder : folders) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".txt"))
                        .filter(p -> !p.getFileName().toString().equals("README.md")).sorted().toList()) {
                    out.add(parser.parse(f));
                }
            }
        }
        return out;
    }

    private static List<String> describe(List<SearchHit> hits) {
        return hits.stream().map(h -> h.file().getFileName() + ": " + h.pathString()).toList();
    }

    @ParameterizedTest(name = "\"{0}\" finds HTTP rate limiting, not CPU throttling")
    @CsvSource({"429s", "getting 429s", "429"})
    void anHttpStatusCodeDoesNotFindCpuThrottling(String typed) {
        List<SearchHit> top = corpus.search(SearchQuery.of(typed).withLimit(5));
        assertThat(top).as("top 5 for \"%s\": %s", typed, describe(top)).isNotEmpty()
                .noneSatisfy(h -> assertThat(h.pathString()).containsIgnoringCase("Throttling"));
        assertThat(top.get(0).pathString()).as("first hit for \"%s\"", typed).contains("Rate Limit");
    }

    @Test
    void aClassOfStatusCodesFindsSectionsNamingOnlyOneOfItsCodes() {
        List<SearchHit> hits = everything.search(SearchQuery.of("5xx").withLimit(10));
        // "Backend Health Check Failing" says 502 and 503, never 5xx.
        assertThat(hits).as("hits for 5xx: %s", describe(hits))
                .anySatisfy(h -> assertThat(h.pathString()).contains("Backend Health Check Failing"));
        assertThat(hits).as("hits for 5xx: %s", describe(hits)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(hits.subList(0, 3)).as("top 3 for 5xx: %s", describe(hits))
                .anySatisfy(h -> assertThat(h.pathString()).contains("HighErrorRate"));
    }

    @ParameterizedTest(name = "\"{0}\" finds the alert whose name holds the word")
    @CsvSource({"inodes", "pvc ran out of inodes", "inodes exhausted on a persistent volume"})
    void aWordInsideAnAlertNamedHeadingCountsAsFullText(String typed) {
        List<SearchHit> top = everything.search(SearchQuery.of(typed).withLimit(3));
        assertThat(top).as("top 3 for \"%s\": %s", typed, describe(top))
                .anySatisfy(h -> assertThat(h.pathString()).contains("KubePersistentVolumeInodesFillingUp"));
    }

    @ParameterizedTest(name = "\"{0}\" finds sections about {0}, none about {1}")
    @CsvSource({"Sidekiq, Celery", "Celery, Sidekiq"})
    void aComponentsBareNameDoesNotWidenToAnotherComponentInTheSameRole(String component, String other) {
        List<SearchHit> top = everything.search(SearchQuery.of(component).withLimit(5));
        assertThat(top).as("top 5 for \"%s\": %s", component, describe(top)).hasSize(5)
                .noneSatisfy(h -> assertThat(h.components()).contains(other).doesNotContain(component));
    }
}
