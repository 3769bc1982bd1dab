package dev.incidentconsole.app.gui.runbooks;

import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.SecretMasker;
import dev.incidentconsole.runbook.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The lines of a shell step that are none of its commands: the output a runbook shows under a command (a table
 * {@code kubectl get pods} printed, a log line), which the card shows under that command so that nothing written in
 * the block is hidden. Each command is found in the block by its line (a comment above it may quote its text);
 * comment lines just above a command are its description, shown with it, and are left out.
 */
final class StepOutput {

    private StepOutput() {
    }

    /**
     * The text before the first command, then the text after each command up to the next one: {@code commands + 1}
     * entries, empty where there is none; all empty when a command cannot be found in the block.
     */
    static List<String> of(Step step) {
        List<Command> commands = step.commands();
        List<String> empty = new ArrayList<>();
        for (int k = 0; k <= commands.size(); k++) {
            empty.add("");
        }
        String[] lines = step.text().split("\r\n|\r|\n", -1);
        List<String> out = new ArrayList<>();
        int from = 0;
        for (Command c : commands) {
            String[] own = c.text().split("\n", -1);
            int at = c.line() - step.line() - 1; // the block's text starts on the line after its opening fence
            String first = own[0].strip();
            if (at < from || at >= lines.length || first.isEmpty() || !lines[at].contains(first)) {
                return empty;
            }
            out.add(between(lines, from, at, true));
            from = Math.min(lines.length, at + own.length);
        }
        out.add(between(lines, from, lines.length, false));
        return out;
    }

    /**
     * {@link #of} as the card shows it: secrets masked line by line as in the output of a run of the command above
     * (so {@code redis-cli -a s3cretpw ...} masks the password where the output prints it too).
     */
    static List<String> shown(Step step) {
        List<String> out = new ArrayList<>();
        List<String> raw = of(step);
        for (int k = 0; k < raw.size(); k++) {
            SecretMasker masker = k == 0 ? SecretMasker.standard()
                    : SecretMasker.standard().forCommand(step.commands().get(k - 1).text());
            SecretMasker.LineMasker lines = masker.lines();
            out.add(raw.get(k).isEmpty() ? "" : raw.get(k).lines().map(lines::mask)
                    .collect(Collectors.joining("\n")));
        }
        return out;
    }

    /** Lines {@code [from, to)} without blank lines at either end, nor the comment lines just above a command. */
    private static String between(String[] lines, int from, int to, boolean beforeCommand) {
        int end = to;
        while (end > from && (lines[end - 1].isBlank() || beforeCommand && lines[end - 1].strip().startsWith("#"))) {
            end--;
        }
        int start = from;
        while (start < end && lines[start].isBlank()) {
            start++;
        }
        return start >= end ? "" : String.join("\n", List.of(lines).subList(start, end)).stripTrailing();
    }
}
