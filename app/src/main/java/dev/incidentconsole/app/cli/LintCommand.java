package dev.incidentconsole.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.RunbookFiles;
import dev.incidentconsole.runbook.RunbookParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code incident-console lint PATH... [--json]}: shows what the console reads in runbooks. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Parse runbooks and show what the console understands: sections by kind, procedures,",
                "steps and commands, dangerous commands, placeholders, services, alerts and warnings.",
                "Folders are read recursively (*.md, *.markdown, *.txt)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file parsed (warnings allowed)", "1:a path could not be read", "2:usage error"})
public final class LintCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Runbook files or folders.")
    List<Path> paths;

    @Option(names = "--json", description = "Print one JSON array, one object per file.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<String> problems = new ArrayList<>();
        RunbookParser parser = new RunbookParser();
        List<LintReport> reports = new ArrayList<>();
        for (Path file : RunbookFiles.find(readableRoots(problems).toArray(Path[]::new))) {
            try {
                reports.add(LintReport.of(parser.parse(file)));
            } catch (IOException e) {
                problems.add("Cannot read " + file + ": " + e.getMessage());
            }
        }
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(reports));
        } else {
            LintPrinter printer = new LintPrinter(out);
            reports.forEach(printer::print);
        }
        out.flush();
        problems.forEach(spec.commandLine().getErr()::println);
        return problems.isEmpty() ? 0 : 1;
    }

    private List<Path> readableRoots(List<String> problems) {
        List<Path> roots = new ArrayList<>();
        for (Path p : paths) {
            ReadablePath.problem(p).ifPresentOrElse(why -> problems.add(p + " " + why + "."), () -> roots.add(p));
        }
        return roots;
    }
}
