package dev.incidentconsole.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Runs the {@link QualitySet} through our search and the {@link Bm25Baseline} in the same run and tabulates both.
 * Used by {@code SearchQualityTest} (the margin guard) and by {@code bench/run search.SearchQuality}.
 */
public final class QualityReport implements AutoCloseable {

    /** Results of one search: per kind of query. */
    record Result(Map<String, QualityJudge.Score> ours, Map<String, QualityJudge.Score> baseline) {
    }

    private final QualitySet set = QualitySet.load();
    private final QualityJudge judge;
    /** Not Fixtures.TMP: bench/run SearchQuality gets only the Quality* classes of the test jar. */
    private final RunbookIndex index = new RunbookIndex(Path.of(System.getProperty("java.io.tmpdir")));
    private final Bm25Baseline baseline;

    /**
     * @param shared  the {@code shared/} folder (its {@code corpus/} is read)
     * @param project the project folder (its {@code runbooks/} is read)
     */
    public QualityReport(Path shared, Path project) {
        Map<String, Path> folders = new LinkedHashMap<>();
        folders.put("corpus", shared.resolve("corpus"));
        folders.put("runbooks", project.resolve("runbooks"));
        judge = new QualityJudge(folders);
        index.addAll(judge.runbooks());
        baseline = new Bm25Baseline(judge.runbooks());
    }

    /** Whether both folders are there to be judged on. */
    public static boolean available(Path shared, Path project) {
        return shared != null && project != null && Files.isDirectory(shared.resolve("corpus"))
                && Files.isDirectory(project.resolve("runbooks"));
    }

    Result run(Predicate<QualitySet.QualityQuery> which) {
        List<QualitySet.QualityQuery> queries = set.queries().stream().filter(which).toList();
        return new Result(judge.judge(queries, this::ours), judge.judge(queries, baseline::search));
    }

    List<QualityJudge.Ranked> ours(String text, int limit) {
        return index.search(new SearchQuery(text, Set.of(), Set.of(), Set.of(), limit))
                .stream().map(h -> new QualityJudge.Ranked(h.file().toString(), h.pathString())).toList();
    }

    QualitySet set() {
        return set;
    }

    QualityJudge judge() {
        return judge;
    }

    /** The table for all queries, then for the half tuned on and the half held out. */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(table("all queries", run(q -> true)));
        out.append(table("tuning half (even rows)", run(q -> !q.heldOut())));
        out.append(table("held-out half (odd rows)", run(QualitySet.QualityQuery::heldOut)));
        return out.toString();
    }

    /**
     * The queries of one half that a search misses (no acceptable section in its top three), with what it
     * returned and whether the baseline found one: where to look when the figures disappoint.
     */
    public String misses(boolean heldOut) {
        StringBuilder out = new StringBuilder();
        for (QualitySet.QualityQuery q : set.queries()) {
            if (q.heldOut() != heldOut) {
                continue;
            }
            List<QualityJudge.Ranked> hits = ours(q.text(), QualityJudge.MRR_DEPTH);
            if (judge.score(q, hits).sections() == 1) {
                continue;
            }
            boolean base = judge.score(q, baseline.search(q.text(), QualityJudge.MRR_DEPTH)).sections() == 1;
            out.append(String.format(Locale.ROOT, "row %d [%s]%s %s%n", q.row(), q.kind(), base ? " (bm25 hits)" : "",
                    q.text()));
            hits.stream().limit(QualityJudge.CUT).forEach(h -> out.append("    ")
                    .append(Path.of(h.file()).getFileName()).append(": ").append(h.path()).append('\n'));
        }
        return out.toString();
    }

    static String table(String title, Result r) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%s%n%-8s %5s | %-23s | %-23s | %-13s%n", title, "kind", "n", "files@3 ours / bm25",
                "sections@3 ours / bm25", "MRR ours/bm25"));
        Map<String, QualityJudge.Score> ours = new LinkedHashMap<>(r.ours());
        Map<String, QualityJudge.Score> base = new LinkedHashMap<>(r.baseline());
        ours.put("total", QualityJudge.total(r.ours()));
        base.put("total", QualityJudge.total(r.baseline()));
        ours.forEach((kind, o) -> {
            QualityJudge.Score b = base.get(kind);
            out.append(String.format(Locale.ROOT, "%-8s %5d | %4d %5.1f%% / %4d %5.1f%% | %4d %5.1f%% / %4d %5.1f%% |"
                            + " %.3f / %.3f%n", kind, o.queries(), o.files(), pct(o.files(), o.queries()), b.files(),
                    pct(b.files(), b.queries()), o.sections(), pct(o.sections(), o.queries()), b.sections(),
                    pct(b.sections(), b.queries()), o.mrr(), b.mrr()));
        });
        return out.append('\n').toString();
    }

    private static double pct(int n, int of) {
        return of == 0 ? 0 : 100.0 * n / of;
    }

    @Override
    public void close() throws IOException {
        index.close();
        baseline.close();
    }
}
