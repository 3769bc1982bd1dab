package dev.incidentconsole.bench.search;

import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.RunbookParser;
import dev.incidentconsole.search.RunbookIndex;
import dev.incidentconsole.search.SearchQuery;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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

    /** CPU time is reported beside wall-clock time: on a shared machine the latter includes waiting for a core. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int MAX_WARM_UP_ROUNDS = 25;

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
        long c0 = THREADS.getCurrentThreadCpuTime();
        List<Runbook> parsed = new ArrayList<>(files.size());
        for (Path f : files) {
            parsed.add(parser.parse(f));
        }
        double parseWall = (System.nanoTime() - t0) / 1e9;
        double parseCpu = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
        long sections = parsed.stream().mapToLong(r -> r.sections().size()).sum();

        try (RunbookIndex index = new RunbookIndex(Path.of(System.getProperty("java.io.tmpdir")))) {
            t0 = System.nanoTime();
            c0 = THREADS.getCurrentThreadCpuTime();
            index.addAll(parsed);
            double indexWall = (System.nanoTime() - t0) / 1e9;
            double indexCpu = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
            parsed = null;
            System.gc();
            long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            System.out.printf(Locale.ROOT, "build: read + parse %.1f s wall / %.1f s CPU (%d sections), index %.1f s wall"
                    + " / %.1f s CPU (calling thread); total %.1f s wall, %.0f files/s; heap after GC %d MB%n",
                    parseWall, parseCpu, sections, indexWall, indexCpu, parseWall + indexWall,
                    files.size() / (parseWall + indexWall), heap >> 20);

            List<SearchQuery> mix = BenchQueries.generate(7, queryCount);
            warmUp(index, mix);
            measure("search", index, mix, true);
            reindexLatency(index, files);
            warmUp(index, mix);
            measure("search after 50 live edits", index, mix, false);
            grepScan(files, mix.subList(0, Math.min(100, mix.size())));
        }
    }

    /**
     * Runs the mix until the JIT compiler is nearly done with the search code (JMH's warm-up iterations, by
     * hand): while it compiles, one core of two works for the compiler instead of the search, which is not how
     * an app that has been searched a while runs. Prints each round so the warm-up can be checked.
     */
    private static void warmUp(RunbookIndex index, List<SearchQuery> mix) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long compiledBefore = jit.getTotalCompilationTime();
        for (int round = 1; round <= MAX_WARM_UP_ROUNDS; round++) {
            long start = System.nanoTime();
            mix.forEach(index::search);
            long roundMillis = (System.nanoTime() - start) / 1_000_000;
            long compiled = jit.getTotalCompilationTime() - compiledBefore;
            compiledBefore += compiled;
            System.out.printf(Locale.ROOT, "warm-up round %d: %d ms, JIT compiling %d ms%n", round, roundMillis, compiled);
            if (round >= 3 && compiled * 100 < roundMillis) {
                return;
            }
        }
    }

    private static void measure(String name, RunbookIndex index, List<SearchQuery> mix, boolean details) {
        long[] nanos = new long[mix.size()];
        long[] cpu = new long[mix.size()];
        int empty = 0;
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long compiledBefore = jit.getTotalCompilationTime();
        for (int i = 0; i < mix.size(); i++) {
            long start = System.nanoTime();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            empty += index.search(mix.get(i)).isEmpty() ? 1 : 0;
            cpu[i] = THREADS.getCurrentThreadCpuTime() - cpuStart;
            nanos[i] = System.nanoTime() - start;
        }
        report(name + ", wall clock (top 20 + snippets)", nanos);
        System.out.printf(Locale.ROOT, "  JIT compiling meanwhile: %d ms%n", jit.getTotalCompilationTime() - compiledBefore);
        if (!details) {
            return;
        }
        report(name + ", CPU time of the searching thread", cpu);
        System.out.printf(Locale.ROOT, "  queries with no hit: %d of %d%n", empty, mix.size());
        Integer[] order = new Integer[nanos.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Long.compare(nanos[b], nanos[a]));
        for (int i = 0; i < Math.min(5, order.length); i++) {
            System.out.printf(Locale.ROOT, "  slow: %.2f ms  \"%s\"%n", nanos[order[i]] / 1e6, mix.get(order[i]).text());
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
