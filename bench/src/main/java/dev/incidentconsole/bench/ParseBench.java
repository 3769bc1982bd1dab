package dev.incidentconsole.bench;

import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.RunbookParser;
import dev.incidentconsole.runbook.testing.HostileRunbooks;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;

/**
 * Parse throughput of the runbook engine beside commonmark-java's bare parse of the same files, in one run, and
 * the cost of the hostile runbooks ParseBoundsTest checks.
 *
 * <p>Usage: {@code bench/run ParseBench [files] [rounds]} (defaults 2000 and 7): the two parsers alternate round by
 * round, so both see the same load, and each round is timed by wall clock and by the thread's CPU time (steadier on
 * a shared machine). {@code bench/run ParseBench hostile [DIR]} writes each hostile runbook to DIR (a temporary
 * folder by default, kept for {@code lint}) and times its parse from disk. The figures go into
 * docs/performance.md.
 */
public final class ParseBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("hostile")) {
            hostile(args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("hostile-runbooks"));
            return;
        }
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
        for (int warm = 0; warm < 2; warm++) {
            ours.run();
            commonmark.run();
        }
        double[][] oursTimes = new double[2][rounds];
        double[][] bareTimes = new double[2][rounds];
        for (int r = 0; r < rounds; r++) {
            time(ours, oursTimes, r);
            time(commonmark, bareTimes, r);
        }
        double oursWall = report("runbook engine (parse + model)", oursTimes, files, bytes);
        double bareWall = report("commonmark-java bare parse", bareTimes, files, bytes);
        System.out.printf(Locale.ROOT, "ours / commonmark throughput: %.2fx by wall clock, %.2fx by CPU time%n",
                bareWall / oursWall, median(bareTimes[1]) / median(oursTimes[1]));
    }

    private static void time(Runnable work, double[][] into, int round) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        work.run();
        into[0][round] = (System.nanoTime() - start) / 1e9;
        into[1][round] = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
    }

    /** Prints the medians; returns the median wall time. */
    private static double report(String name, double[][] times, int files, long bytes) {
        double wall = median(times[0]);
        double cpu = median(times[1]);
        System.out.printf(Locale.ROOT, "%-32s wall %.3f s (%6.1f MB/s, %6.0f files/s)  CPU %.3f s (%6.1f MB/s)%n",
                name, wall, bytes / 1e6 / wall, files / wall, cpu, bytes / 1e6 / cpu);
        return wall;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Each hostile runbook parsed from disk three times after one warm-up parse of all; the median is printed. */
    private static void hostile(Path dir) throws IOException {
        Files.createDirectories(dir);
        RunbookParser parser = new RunbookParser();
        List<Path> written = new ArrayList<>();
        for (HostileRunbooks shape : HostileRunbooks.values()) {
            written.add(shape.write(dir));
        }
        for (Path file : written) {
            parser.parse(file);
        }
        System.out.printf(Locale.ROOT, "hostile runbooks in %s; JDK %s, %d cores, max heap %d MB%n", dir,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        HostileRunbooks[] shapes = HostileRunbooks.values();
        for (int i = 0; i < shapes.length; i++) {
            double[][] times = new double[2][3];
            Runbook last = null;
            for (int r = 0; r < 3; r++) {
                long cpu = THREADS.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                last = parser.parse(written.get(i));
                times[0][r] = (System.nanoTime() - start) / 1e9;
                times[1][r] = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
            }
            System.out.printf(Locale.ROOT, "%-24s %7.1f MB  wall %.3f s  CPU %.3f s  sections %6d  warnings %d%n",
                    shapes[i].name(), Files.size(written.get(i)) / 1e6, median(times[0]), median(times[1]),
                    last.sections().size(), last.warnings().size());
        }
    }
}
