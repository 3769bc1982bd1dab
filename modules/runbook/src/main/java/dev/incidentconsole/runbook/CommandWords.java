package dev.incidentconsole.runbook;

import dev.incidentconsole.shell.Wrappers;
import java.util.List;
import java.util.Set;

/**
 * The runbook rules' view of the shell model's wrappers ({@link Wrappers}): a shell's {@code -c} script, and
 * the sub-command of tools such as {@code kubectl} or {@code docker} past their global options (the program a
 * simple command really runs is read once per segment, {@link ShellWords.Segment#program}).
 */
final class CommandWords {

    private CommandWords() {
    }

    /**
     * The first argument after {@code from} that is not an option or the value of one of
     * {@code valueOptions}; -1 when there is none.
     */
    static int firstOperand(List<String> args, int from, Set<String> valueOptions) {
        for (int k = from; k < args.size(); k++) {
            String a = args.get(k);
            if (a.startsWith("-") && a.length() > 1) {
                if (valueOptions.contains(a)) {
                    k++;
                }
            } else {
                return k;
            }
        }
        return -1;
    }

    /** For {@code sh -c 'script'}, {@code bash -lc "..."}, {@code su - postgres -c '...'}: the script, or null. */
    static String shellScript(List<String> args) {
        return Wrappers.shellScript(args);
    }
}
