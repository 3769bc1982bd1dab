package dev.incidentconsole.bench.search;

import dev.incidentconsole.search.QualityReport;

import java.nio.file.Path;

/**
 * Search relevance against a plain BM25 baseline, same run: files@3, sections@3 and MRR per kind of query, over
 * the evaluation set in {@code modules/search/src/test/resources/quality/queries.tsv} (the shared corpus and
 * the bundled runbooks). Usage: {@code bench/run search.SearchQuality [--misses] [sharedDir]} (default
 * {@code ../shared}); {@code --misses} lists the tuning half's misses instead (never the held-out half's).
 */
public final class SearchQuality {

    public static void main(String[] args) throws Exception {
        Path project = Path.of(System.getProperty("incident.project.dir", "")).toAbsolutePath();
        boolean misses = args.length > 0 && args[0].equals("--misses");
        int first = misses ? 1 : 0;
        Path shared = args.length > first ? Path.of(args[first]) : project.resolveSibling("shared");
        if (!QualityReport.available(shared, project)) {
            System.err.println("Needs " + shared.resolve("corpus") + " and " + project.resolve("runbooks"));
            System.exit(2);
        }
        try (QualityReport report = new QualityReport(shared, project)) {
            System.out.print(misses ? report.misses(false) : report.table());
        }
    }
}
