package dev.incidentconsole.runbook;

import java.nio.file.Path;

/**
 * Child-JVM side of {@link ParseBoundsTest}: parses one file as {@code lint} does and prints what the test
 * checks (a summary line, then one line per warning). An OutOfMemoryError ends the JVM with a non-zero status.
 */
public final class HostileParseMain {

    private HostileParseMain() {
    }

    public static void main(String[] args) throws Exception {
        Runbook runbook = new RunbookParser().parse(Path.of(args[0]));
        long commands = runbook.sections().stream().flatMap(s -> s.steps().stream())
                .mapToLong(s -> s.commands().size()).sum();
        StringBuilder out = new StringBuilder();
        out.append("sections=").append(runbook.sections().size()).append(" commands=").append(commands).append('\n');
        runbook.warnings().forEach(w -> out.append("line ").append(w.line()).append(": ").append(w.message())
                .append('\n'));
        System.out.print(out);
    }
}
