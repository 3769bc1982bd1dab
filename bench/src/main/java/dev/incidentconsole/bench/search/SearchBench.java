package dev.incidentconsole.bench.search;

import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.RunbookParser;
import dev.incidentconsole.search.RunbookIndex;
import dev.incidentconsole.search.SearchQuery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Runbook search on a generated corpus: index build time (parse + index), query latency over a mix of
 * as-you-type queries, and, in the same run, a plain case-insensitive scan of the files for the same text (what
 * {@code grep -ril} does). Usage: {@code bench/run search.SearchBench [files] [queries]} (defaults 10000, 1000).
 */
public final class SearchBench {

    public static void main(String[] args) throws IOException {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        Path dir = Files.createTempDirectory("search-bench");
        try {
            run(dir, files, queries);
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(Path dir, int fileCount, int queryCount) throws IOException {
        long bytes = new SearchCorpus(42).write(dir, fileCount);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        System.out.printf(Locale.ROOT, "corpus: %d files, %.1f MB; JDK %s, %d cores, max heap %d MB%n", files.size(),
                bytes / 1e6, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        RunbookParser parser = new RunbookParser();
        long t0 = System.nanoTime();
        List<Runbook> parsed = new ArrayList<>(files.size());
        for (Path f : files) {
            parsed.add(parser.parse(f));
        }
        double parseSeconds = (System.nanoTime() - t0) / 1e9;
        long sections = parsed.stream().mapToLong(r -> r.sections().size()).sum();
        try (RunbookIndex warm = new RunbookIndex()) {
            t0 = System.nanoTime();
            warm.addAll(parsed);
            System.out.printf(Locale.ROOT, "parse only: %.2f s (%d sections); index only (pre-parsed): %.2f s%n",
                    parseSeconds, sections, (System.nanoTime() - t0) / 1e9);
        }
        parsed = null;

        try (RunbookIndex index = new RunbookIndex()) {
            t0 = System.nanoTime();
            index.indexFolders(List.of(dir));
            double build = (System.nanoTime() - t0) / 1e9;
            System.gc();
            long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            System.out.printf(Locale.ROOT, "index build via indexFolders (read + parse + index): %.2f s, %.0f files/s;"
                    + " heap in use after GC %d MB%n", build, files.size() / build, heap >> 20);

            List<SearchQuery> mix = BenchQueries.generate(7, queryCount);
            for (int round = 0; round < 2; round++) {
                mix.forEach(index::search);
            }
            long[] nanos = new long[mix.size()];
            int empty = 0;
            for (int i = 0; i < mix.size(); i++) {
                long start = System.nanoTime();
                empty += index.search(mix.get(i)).isEmpty() ? 1 : 0;
                nanos[i] = System.nanoTime() - start;
            }
            report("search (query + top 20 + snippets)", nanos);
            System.out.printf(Locale.ROOT, "  queries with no hit: %d of %d%n", empty, mix.size());

            reindexLatency(index, files);
            grepScan(files, mix.subList(0, Math.min(100, mix.size())));
        }
    }

    /** Live update cost: one changed file re-read, re-parsed and made searchable. */
    private static void reindexLatency(RunbookIndex index, List<Path> files) {
        long[] nanos = new long[50];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            index.reindex(files.get(i * 37 % files.size()));
            nanos[i] = System.nanoTime() - start;
        }
        report("re-index one file (watch path)", nanos);
    }

    /** What grep -ril does: read every file, lower-case it, look for the typed text. */
    private static void grepScan(List<Path> files, List<SearchQuery> queries) throws IOException {
        long[] nanos = new long[queries.size()];
        int noMatch = 0;
        for (int i = 0; i < queries.size(); i++) {
            String needle = queries.get(i).text().toLowerCase(Locale.ROOT);
            long start = System.nanoTime();
            int matches = 0;
            for (Path f : files) {
                if (Files.readString(f).toLowerCase(Locale.ROOT).contains(needle)) {
                    matches++;
                }
            }
            nanos[i] = System.nanoTime() - start;
            noMatch += matches == 0 ? 1 : 0;
        }
        report("plain scan (grep -ril equivalent)", nanos);
        System.out.printf(Locale.ROOT, "  scanned %d queries; with no matching file: %d%n", queries.size(), noMatch);
    }

    private static void report(String name, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
        System.out.printf(Locale.ROOT, "%-38s n=%d  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms  mean %.2f ms%n",
                name, sorted.length, pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted[sorted.length - 1] / 1e6, mean);
    }

    private static double pct(long[] sorted, int p) {
        int at = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, at))] / 1e6;
    }
}
