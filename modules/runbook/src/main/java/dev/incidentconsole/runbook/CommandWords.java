package dev.incidentconsole.runbook;

import dev.incidentconsole.shell.Wrappers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The runbook rules' view of the shell model's wrappers ({@link Wrappers}): the program a simple command
 * really runs past assignments and wrappers, a shell's {@code -c} script, and the sub-command of tools such
 * as {@code kubectl} or {@code docker} past their global options.
 */
final class CommandWords {

    private CommandWords() {
    }

    /**
     * Index of the word naming the program actually run, past assignments and wrappers (the shell model's
     * {@link Wrappers#programIndex}); redirections are skipped. {@code words.size()} when there is none.
     */
    static int programIndex(List<ShellWords.Word> words) {
        List<String> values = new ArrayList<>(words.size());
        int[] index = new int[words.size()];
        for (int k = 0; k < words.size(); k++) {
            if (!words.get(k).redirect()) {
                index[values.size()] = k;
                values.add(words.get(k).value());
            }
        }
        int program = Wrappers.programIndex(values);
        return program < values.size() ? index[program] : words.size();
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
