package dev.incidentconsole.bench;

import dev.incidentconsole.runbook.RunbookParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;

/**
 * Parse throughput of the runbook engine beside commonmark-java's bare parse of the same files, in one run.
 * Usage: {@code bench/run ParseBench [files] [rounds]} (defaults 2000 and 7). The figures go into docs/performance.md.
 */
public final class ParseBench {
    public static void main(String[] args) {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        RunbookGenerator generator = new RunbookGenerator(42);
        List<String> texts = new ArrayList<>(files);
        long bytes = 0;
        for (int i = 0; i < files; i++) {
            String text = generator.runbook(i, 3 + i % 6);
            texts.add(text);
            bytes += text.getBytes(StandardCharsets.UTF_8).length;
        }
        RunbookParser engine = new RunbookParser();
        Parser bare = Parser.builder().extensions(List.of(TablesExtension.create())).build();
        Runnable ours = () -> {
            for (int i = 0; i < texts.size(); i++) {
                engine.parse(Path.of("gen-" + i + ".md"), texts.get(i));
            }
        };
        Runnable commonmark = () -> texts.forEach(bare::parse);

        System.out.printf(Locale.ROOT, "%d generated runbooks, %.1f MB, %d rounds after 2 warm-up rounds; JDK %s, %d cores%n",
                files, bytes / 1e6, rounds, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        report("runbook engine (parse + model)", ours, rounds, files, bytes);
        report("commonmark-java bare parse", commonmark, rounds, files, bytes);
    }

    private static void report(String name, Runnable work, int rounds, int files, long bytes) {
        work.run();
        work.run();
        double[] seconds = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            work.run();
            seconds[r] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        double median = seconds[rounds / 2];
        System.out.printf(Locale.ROOT, "%-34s median %.3f s  %8.1f MB/s  %9.0f files/s  (min %.3f s, max %.3f s)%n",
                name, median, bytes / 1e6 / median, files / median, seconds[0], seconds[rounds - 1]);
    }
}
