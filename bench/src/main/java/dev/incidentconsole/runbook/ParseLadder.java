package dev.incidentconsole.runbook;

import dev.incidentconsole.bench.RunbookGenerator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Where the parse's cost goes, as a ladder over ParseBench's generated runbooks: commonmark bare, then each part
 * of our configuration added, then our parse without and with the shell half, and the model's main parts timed
 * alone over the same inputs. It lives in the runbook package (in the bench module, never shipped) because the
 * rungs call the parser's package-private parts one by one.
 *
 * <p>Usage: {@code bench/run dev.incidentconsole.runbook.ParseLadder [files] [rounds]} (defaults 2000 and 11).
 * Every round runs every rung once, in an order rotated each round so that load and cache effects fall on each
 * rung alike; each rung is timed by the thread's CPU time and printed as the median and as the median of its
 * per-round quotient to rung "a" (ParseBench's commonmark parse), which is steadier on a shared machine.
 */
public final class ParseLadder {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Keeps the JIT from dropping work whose result is not used. */
    private static volatile Object sink;

    private ParseLadder() {
    }

    /** A shell block as {@link StepReader} hands it to {@link ShellSplitter}. */
    private record ShellBlock(String text, int firstLine, String language) {
    }

    public static void main(String[] args) {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 11;
        RunbookGenerator generator = new RunbookGenerator(42);
        List<String> texts = new ArrayList<>(files);
        List<String> noShell = new ArrayList<>(files);
        for (int i = 0; i < files; i++) {
            texts.add(generator.runbook(i, 3 + i % 6));
            noShell.add(shellFencesAsText(texts.get(i)));
        }
        RunbookParser parser = new RunbookParser();
        List<List<ShellBlock>> shellBlocks = new ArrayList<>(files);
        List<String> sectionTexts = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            List<ShellBlock> blocks = new ArrayList<>();
            for (Section s : parser.parse(Path.of("gen-" + i + ".md"), texts.get(i)).sections()) {
                // the text SectionBuilder hands to Components.find
                StringBuilder text = new StringBuilder().append(s.path().get(s.path().size() - 1)).append('\n');
                Section.appendText(text, s.blocks());
                sectionTexts.add(text.toString());
                for (Block b : s.blocks()) {
                    if (b instanceof Block.Code c && c.step().shell() && !c.step().text().isBlank()) {
                        blocks.add(new ShellBlock(c.step().text(), c.step().line() + 1, c.step().language()));
                        c.step().commands().forEach(command -> commands.add(command.text()));
                    }
                }
            }
            shellBlocks.add(blocks);
        }
        List<ShellWords.Parsed> parsed = commands.stream().map(ShellWords::parse).toList();
        System.out.printf(Locale.ROOT, "%d runbooks: %d shell blocks, %d commands, %d sections (%d characters);"
                        + " JDK %s, %d cores, load %.1f%n", files, shellBlocks.stream().mapToInt(List::size).sum(),
                commands.size(), sectionTexts.size(), sectionTexts.stream().mapToLong(String::length).sum(),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        Parser plain = Parser.builder().build();
        Parser bare = Parser.builder().extensions(List.of(TablesExtension.create())).build();
        Parser spans = Parser.builder().extensions(List.of(TablesExtension.create()))
                .includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
        Parser starts = BlockStarts.install(Parser.builder()).includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
        Parser budget = Parser.builder().extensions(List.of(TablesExtension.create()))
                .includeSourceSpans(IncludeSourceSpans.BLOCKS).inlineParserFactory(new InlineBudget()).build();
        Parser configured = BlockStarts.install(Parser.builder()).includeSourceSpans(IncludeSourceSpans.BLOCKS)
                .inlineParserFactory(new InlineBudget()).build();
        Components components = Components.standard();

        Map<String, Runnable> rungs = new LinkedHashMap<>();
        rungs.put("a0 commonmark, no extension", () -> texts.forEach(t -> sink = plain.parse(t)));
        rungs.put("a  + tables (ParseBench's bare)", () -> texts.forEach(t -> sink = bare.parse(t)));
        rungs.put("b  a + source spans (blocks)", () -> texts.forEach(t -> sink = spans.parse(t)));
        rungs.put("c1 b + BlockStarts", () -> texts.forEach(t -> sink = starts.parse(t)));
        rungs.put("c2 b + InlineBudget", () -> texts.forEach(t -> sink = budget.parse(t)));
        rungs.put("d  as RunbookParser configures it", () -> texts.forEach(t -> sink = configured.parse(t)));
        rungs.put("d2 d + clean, front matter, lines", () -> texts.forEach(t -> {
            List<ParseWarning> warnings = new ArrayList<>();
            FrontMatter.Result front = FrontMatter.read(SourceText.clean(t, warnings), warnings);
            sink = new SourceLines(front.body());
            sink = configured.parse(front.body());
        }));
        rungs.put("e  ours, shell fences as `text`", () -> parseAll(parser, noShell));
        rungs.put("f  ours in full", () -> parseAll(parser, texts));
        rungs.put("h  d, then that file's splits", () -> {
            for (int i = 0; i < files; i++) {
                sink = configured.parse(texts.get(i));
                shellBlocks.get(i).forEach(b -> sink = ShellSplitter.split(b.text(), b.firstLine(), b.language()));
            }
        });
        rungs.put("g1 ShellSplitter.split alone", () -> shellBlocks.forEach(blocks ->
                blocks.forEach(b -> sink = ShellSplitter.split(b.text(), b.firstLine(), b.language()))));
        rungs.put("g2 Components.find alone", () -> sectionTexts.forEach(t -> sink = components.find(t)));
        rungs.put("g3 shell model (ShellWords.parse)", () -> commands.forEach(c -> sink = ShellWords.parse(c)));
        rungs.put("g4 Placeholders.find, parsed", () -> {
            for (int i = 0; i < commands.size(); i++) {
                sink = Placeholders.find(commands.get(i), Set.of(), parsed.get(i));
            }
        });
        rungs.put("g5 DangerRules, parsed", () -> parsed.forEach(p -> sink = DangerRules.checkParsed(p)));
        climb(rungs, rounds);
    }

    private static void parseAll(RunbookParser parser, List<String> texts) {
        for (int i = 0; i < texts.size(); i++) {
            sink = parser.parse(Path.of("gen-" + i + ".md"), texts.get(i));
        }
    }

    private static void climb(Map<String, Runnable> rungs, int rounds) {
        List<String> names = new ArrayList<>(rungs.keySet());
        for (int warm = 0; warm < 2; warm++) {
            rungs.values().forEach(Runnable::run);
        }
        double[][] cpu = new double[names.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < names.size(); k++) {
                int rung = (k + r) % names.size();
                long start = THREADS.getCurrentThreadCpuTime();
                rungs.get(names.get(rung)).run();
                cpu[rung][r] = (THREADS.getCurrentThreadCpuTime() - start) / 1e9;
            }
        }
        int bare = names.indexOf("a  + tables (ParseBench's bare)");
        for (int e = 0; e < names.size(); e++) {
            double[] quotient = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                quotient[r] = cpu[e][r] / cpu[bare][r];
            }
            System.out.printf(Locale.ROOT, "%-36s CPU median %.3f s   x bare: per-round median %.2f (%.2f-%.2f)%n",
                    names.get(e), median(cpu[e]), median(quotient), Arrays.stream(quotient).min().orElse(0),
                    Arrays.stream(quotient).max().orElse(0));
        }
        System.out.printf(Locale.ROOT, "load after: %.1f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /**
     * The runbook with every shell fence relabelled {@code text}: the blocks stay (shown, in the section text),
     * but no command is read from them, which isolates the walk and the text half from the shell half.
     */
    static String shellFencesAsText(String markdown) {
        StringBuilder out = new StringBuilder(markdown.length() + 64);
        boolean inFence = false;
        for (String line : markdown.split("\n", -1)) {
            String s = line.strip();
            if (!inFence && s.startsWith("```")) {
                inFence = true;
                if (StepReader.SHELL_LANGUAGES.contains(s.substring(3).strip().toLowerCase(Locale.ROOT))) {
                    line = line.substring(0, line.indexOf("```") + 3) + "text";
                }
            } else if (inFence && s.equals("```")) {
                inFence = false;
            }
            out.append(line).append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
