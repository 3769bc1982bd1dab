package dev.incidentconsole.search;

import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.RunbookParser;
import dev.incidentconsole.runbook.SectionKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Spreading a search over threads and parts of a segment must not change its hits: the seeds, corpus and
 * bundled runbooks, searched on one thread and on three with parts of 16 sections, give the same hits.
 */
class ParallelSearchTest {

    private static RunbookIndex oneThread;
    private static RunbookIndex threeThreads;
    private static SearchThreads threads;

    @BeforeAll
    static void indexTwice() throws IOException {
        ParserReady.assumeParser();
        RunbookParser parser = new RunbookParser();
        List<Runbook> runbooks = new ArrayList<>();
        for (Path folder : SymptomQueryTest.folders()) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".txt")).sorted()
                        .toList()) {
                    runbooks.add(parser.parse(f));
                }
            }
        }
        assumeTrue(runbooks.size() > 20, "the shared runbooks are not available");
        oneThread = new RunbookIndex(Synonyms.bundled(), IndexListener.NONE, new SearchThreads(1),
                ParallelScoring.MIN_PART_DOCS, Fixtures.TMP);
        threads = new SearchThreads(3);
        threeThreads = new RunbookIndex(Synonyms.bundled(), IndexListener.NONE, threads, 16, Fixtures.TMP);
        oneThread.addAll(runbooks);
        threeThreads.addAll(runbooks);
    }

    @AfterAll
    static void close() throws IOException {
        if (oneThread != null) {
            oneThread.close();
            threeThreads.close();
        }
    }

    @Test
    void threeThreadsFindWhatOneFinds() {
        List<SearchQuery> queries = new ArrayList<>();
        SymptomQueryTest.symptoms().forEach(a -> queries.add(SearchQuery.of((String) a.get()[0])));
        queries.add(SearchQuery.of("HighErrorRate"));
        queries.add(SearchQuery.of("redis connection refused").withComponents("Redis"));
        queries.add(SearchQuery.of("conection pool exhausted")); // typo
        queries.add(SearchQuery.of("pods keep resta")); // still typing
        queries.add(SearchQuery.of("restart").withLimit(50));
        queries.add(new SearchQuery("", Set.of(), Set.of(SectionKind.RESOLUTION), Set.of(), 30)); // browsing

        for (SearchQuery query : queries) {
            List<SearchHit> expected = oneThread.search(query);
            List<SearchHit> actual = threeThreads.search(query);
            assertThat(actual).as("hits for \"%s\"", query.text()).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                SearchHit e = expected.get(i);
                SearchHit a = actual.get(i);
                assertThat(a.score()).as("score %d for \"%s\"", i, query.text()).isCloseTo(e.score(), within(1e-4f));
                if (unambiguous(expected, i)) {
                    assertThat(a).as("hit %d for \"%s\"", i, query.text()).usingRecursiveComparison()
                            .ignoringFields("score").isEqualTo(e);
                }
            }
        }
        assertThat(threads.helped()).as("tasks run by helper threads").isPositive();
    }

    /**
     * Whether the hit's place is fixed by its score. Scores summed in another order may differ in the last bits,
     * so two hits whose scores are that close may come in either order.
     */
    private static boolean unambiguous(List<SearchHit> hits, int i) {
        float score = hits.get(i).score();
        boolean before = i > 0 && Math.abs(hits.get(i - 1).score() - score) < 1e-4f;
        boolean after = i + 1 < hits.size() && Math.abs(hits.get(i + 1).score() - score) < 1e-4f;
        return !before && !after;
    }
}
