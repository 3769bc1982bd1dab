package dev.incidentconsole.app.cli;

import dev.incidentconsole.app.targets.TargetCatalog;
import dev.incidentconsole.app.targets.TargetInfo;
import dev.incidentconsole.exec.CommandRunner;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code incident-console targets [--env FILE]}: where {@code run} and the Run buttons can run a command. */
@Command(name = "targets", mixinStandardHelpOptions = true,
        description = {"List the targets commands can run on: this machine, the environment file's",
                "targets:, the hosts of ~/.ssh/config and the contexts of the kubeconfig (when",
                "kubectl is installed). Production targets are marked PRODUCTION."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed", "1:the environment file could not be read (the other targets are listed)",
                "2:usage error"})
public final class TargetsCommand implements Callable<Integer> {
    private static final List<String> HEADER = List.of("NAME", "TYPE", "WHERE", "FROM", "");

    @Mixin
    TargetOptions targets;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String workspace = targets.workspaceNote();
        if (workspace != null) {
            err.println(workspace);
            err.flush();
        }
        TargetCatalog catalog;
        try (CommandRunner runner = CommandRunner.withoutSshPrompts(targets.settings())) {
            catalog = targets.discover(runner);
        }
        List<List<String>> rows = new java.util.ArrayList<>();
        rows.add(HEADER);
        for (TargetInfo t : catalog.targets()) {
            rows.add(List.of(t.name(), t.kind(), t.where(), t.source(), t.production() ? "PRODUCTION" : ""));
        }
        print(rows, out);
        catalog.notes().forEach(n -> out.println("Note: " + n));
        out.flush();
        if (catalog.problem() != null) {
            err.println(catalog.problem());
            err.flush();
            return 1;
        }
        return 0;
    }

    /** Left-aligned columns two spaces apart; the last column is not padded. */
    private static void print(List<List<String>> rows, PrintWriter out) {
        int columns = HEADER.size();
        int[] width = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                line.append(c == columns - 1 ? row.get(c) : String.format("%-" + width[c] + "s  ", row.get(c)));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
