package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The 52 public runbooks: every style real teams write must parse, and no shell block may lose its commands. */
class CorpusRunbooksTest {

    private static final Set<String> SHELL = Set.of("", "bash", "sh", "shell", "console", "zsh");
    private final RunbookParser parser = new RunbookParser();

    static List<Path> corpus() {
        return SharedInputs.corpusFiles();
    }

    @Test
    void corpusHoldsTheFiftyTwoRunbooks() {
        assertThat(corpus()).hasSize(52);
    }

    /**
     * Fences are found by {@link FenceScanner}, a line scanner independent of commonmark: each must become a
     * step at the same line, and each shell block holding a command (for {@code console}, a {@code $ } prompt)
     * must yield at least one command.
     */
    @ParameterizedTest
    @MethodSource("corpus")
    void everyFencedShellBlockYieldsItsCommands(Path file) throws IOException {
        String text = SharedInputs.read(file);
        Runbook runbook = parser.parse(file);
        Map<Integer, Step> steps = runbook.sections().stream().flatMap(s -> s.steps().stream())
                .collect(Collectors.toMap(Step::line, Function.identity(), (a, b) -> a));
        List<String> problems = new ArrayList<>();

        List<FenceScanner.Fence> fences = FenceScanner.scan(text);
        for (FenceScanner.Fence fence : fences) {
            Step step = steps.get(fence.line());
            if (step == null) {
                problems.add("line " + fence.line() + ": fence not read as a step");
            } else if (SHELL.contains(fence.language()) && holdsCommand(fence) && step.commands().isEmpty()) {
                problems.add("line " + fence.line() + ": shell block yielded no command");
            } else if (step.commands().stream().anyMatch(c -> c.line() < firstCommandLine(fence)
                    || c.line() > fence.line() + fence.contentLines().size())) {
                problems.add("line " + fence.line() + ": a command's line is outside its block");
            }
        }

        assertThat(problems).as(file.getFileName().toString()).isEmpty();
        assertThat(runbook.sections()).as("sections of %s", file.getFileName()).isNotEmpty();
        assertThat(runbook.warnings()).noneMatch(w -> w.message().contains("could not be read"));
    }

    @Test
    void corpusHasManyShellBlocksAndFencesInsideLists() {
        int shellBlocks = 0;
        int indentedFences = 0;
        for (Path file : corpus()) {
            for (FenceScanner.Fence f : FenceScanner.scan(SharedInputs.read(file))) {
                shellBlocks += SHELL.contains(f.language()) && holdsCommand(f) ? 1 : 0;
            }
            indentedFences += (int) SharedInputs.read(file).lines().filter(l -> l.matches("\\s+(```|~~~).*")).count();
        }
        assertThat(shellBlocks).as("the scanner must find the corpus's shell blocks").isGreaterThan(200);
        assertThat(indentedFences).isGreaterThan(10);
    }

    @Test
    void alertRunbooksAreNamedAfterTheirAlertAndAreProcedures() throws IOException {
        List<Path> alertFiles = corpus().stream().filter(p -> p.getFileName().toString().startsWith("promop__"))
                .toList();
        assertThat(alertFiles).hasSizeGreaterThanOrEqualTo(9);
        for (Path file : alertFiles) {
            Runbook r = parser.parse(file);
            String alert = file.getFileName().toString().replace("promop__", "").replace(".md", "");
            assertThat(r.alerts()).as(file.toString()).extracting(Alert::name).contains(alert);
            if (SharedInputs.read(file).startsWith("---")) {
                assertThat(r.frontMatter()).as(file.toString()).containsKey("title");
            }
            assertThat(r.procedures()).as(file.toString()).isNotEmpty();
            assertThat(r.sections()).as(file.toString()).extracting(Section::kind)
                    .contains(SectionKind.DIAGNOSIS, SectionKind.RESOLUTION);
        }
    }

    @Test
    void tildeFencesAndComponentsAreRecognisedAcrossTheCorpus() throws IOException {
        long tildeSteps = 0;
        Set<String> components = new java.util.TreeSet<>();
        for (Path file : corpus()) {
            Runbook r = parser.parse(file);
            String[] lines = SharedInputs.read(file).split("\r\n|\r|\n", -1);
            tildeSteps += r.sections().stream().flatMap(s -> s.steps().stream())
                    .filter(s -> lines[s.line() - 1].strip().startsWith("~~~")).count();
            r.sections().forEach(s -> components.addAll(s.components()));
        }
        assertThat(tildeSteps).isGreaterThanOrEqualTo(7);
        assertThat(components).contains("PostgreSQL", "PgBouncer", "Redis", "Kubernetes", "etcd", "Thanos", "Loki",
                "Tempo", "Elasticsearch", "MySQL", "Sidekiq", "CockroachDB", "Vitess", "Ceph", "Prometheus");
    }

    /** Commands start below the fence, or on it when the author wrote the command as the info string. */
    private static int firstCommandLine(FenceScanner.Fence fence) {
        return fence.info().matches("[\\w+#.-]*(\\s.*)?") ? fence.line() + 1 : fence.line();
    }

    /** A block holds a command when a line could be one; in a console block only {@code $ } lines are. */
    private static boolean holdsCommand(FenceScanner.Fence fence) {
        List<String> lines = fence.contentLines();
        if (fence.language().equals("console")) {
            return lines.stream().anyMatch(l -> l.stripLeading().startsWith("$ "));
        }
        String all = String.join("\n", lines).strip();
        if (fence.language().isEmpty() && ((all.startsWith("{") && all.endsWith("}"))
                || all.chars().anyMatch(c -> c >= 0x2500 && c <= 0x25FF))) {
            return false;
        }
        List<String> code = lines.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        // An unlabelled block of lines typed at a client's "> " prompt, or of upper-case SQL statements, is text.
        if (fence.language().isEmpty() && (all.matches("> [A-Za-z][^/$\\n]*(\\n.*)*")
                || all.matches("(?s)(SHOW|STOP|START|SELECT) .*(;|\\\\G)"))) {
            return false;
        }
        // Pasted output is not a command: "NAME   READY   STATUS" tables, log lines opening with a timestamp or
        // number, a "[tag]", a klog header, a kubectl event's "Warning" or a syslog month, and "-----" rulers;
        // prose ("Container runtime network not ready: ..."), a printed "notAfter=Aug  6 ..." setting, and a
        // client's "a | b" result header over its "---+---" rule.
        return !code.isEmpty() && !code.get(0).matches("[A-Z][A-Z0-9_-]*(\\s{2,}[A-Z][A-Z0-9_()%/.:-]*)+")
                && !code.get(0).matches("[0-9].*|-{3,}.*|\\[[\\w.:]+\\] .*|E\\d{6} .*|Warning {2}.*|Jan \\d .*")
                && !code.get(0).matches("[A-Z][a-z]+ [^|;&<>$`=\\\\\"'(]*: .*|\\w+=\\S+\\s+\\d.*")
                && !(code.size() > 1 && code.get(0).contains("|") && code.get(1).matches("-+\\+[-+]*"));
    }
}
