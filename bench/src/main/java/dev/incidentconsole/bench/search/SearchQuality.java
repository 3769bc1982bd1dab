package dev.incidentconsole.bench.search;

import dev.incidentconsole.search.QualityReport;

import java.nio.file.Path;

/**
 * Search relevance against a plain BM25 baseline, same run: files@3, sections@3 and MRR per kind of query, over
 * the evaluation set in {@code modules/search/src/test/resources/quality/queries.tsv} (the shared corpus and
 * the bundled runbooks). Usage: {@code bench/run search.SearchQuality [sharedDir]} (default {@code ../shared}).
 */
public final class SearchQuality {

    public static void main(String[] args) throws Exception {
        Path project = Path.of(System.getProperty("bench.root", "")).toAbsolutePath();
        Path shared = args.length > 0 ? Path.of(args[0]) : project.resolveSibling("shared");
        if (!QualityReport.available(shared, project)) {
            System.err.println("Needs " + shared.resolve("corpus") + " and " + project.resolve("runbooks"));
            System.exit(2);
        }
        try (QualityReport report = new QualityReport(shared, project)) {
            System.out.print(report.table());
        }
    }
}
