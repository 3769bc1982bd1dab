package dev.incidentconsole.search;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Guards relevance against the plain BM25 baseline on the evaluation set ({@link QualitySet}): our search may
 * not find fewer answers in its top three than textbook BM25 over the same sections does.
 */
class SearchQualityTest {

    private static QualityReport report;
    private static QualityReport.Result result;

    @BeforeAll
    static void judge() {
        ParserReady.assumeParser();
        Path shared = dir("incident.shared.dir");
        Path project = dir("incident.project.dir");
        assumeTrue(QualityReport.available(shared, project), "shared corpus or bundled runbooks not available");
        report = new QualityReport(shared, project);
        result = report.run(q -> true);
    }

    @AfterAll
    static void close() throws Exception {
        if (report != null) {
            report.close();
        }
    }

    private static Path dir(String property) {
        String value = System.getProperty(property);
        return value == null ? null : Path.of(value);
    }

    @Test
    void findsAtLeastAsManyAnsweringSectionsAsPlainBm25() {
        QualityJudge.Score ours = QualityJudge.total(result.ours());
        QualityJudge.Score bm25 = QualityJudge.total(result.baseline());
        assertThat(ours.sections()).as(QualityReport.table("sections@3", result)).isGreaterThanOrEqualTo(bm25.sections());
        assertThat(ours.mrr()).as(QualityReport.table("MRR", result)).isGreaterThanOrEqualTo(bm25.mrr());
    }

    @Test
    void findsTheAnsweringRunbookAndSectionAtLeastAsOftenAsPlainBm25ForEveryKindOfQuery() {
        Map<String, QualityJudge.Score> bm25 = result.baseline();
        result.ours().forEach((kind, ours) -> {
            assertThat(ours.files()).as("files@3 for %s queries%n%s", kind, QualityReport.table("files@3", result))
                    .isGreaterThanOrEqualTo(bm25.get(kind).files());
            assertThat(ours.sections()).as("sections@3 for %s queries%n%s", kind,
                    QualityReport.table("sections@3", result)).isGreaterThanOrEqualTo(bm25.get(kind).sections());
        });
    }

    @Test
    void everyAcceptedSectionOfTheSetExists() {
        report.set().queries().forEach(q -> assertThat(report.judge().answers(q)).as("row %d", q.row()).isNotEmpty());
    }
}
