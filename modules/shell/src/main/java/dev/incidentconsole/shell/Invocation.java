package dev.incidentconsole.shell;

import java.util.List;

/**
 * What a simple command really runs once its wrappers are looked past.
 *
 * @param via    the wrappers in the order written, e.g. {@code [sudo, kubectl exec]}; empty when none
 * @param words  the real command's words, program first (empty when the wrappers name none); for a
 *               script ({@code sh -c '...'}, {@code ssh host '...'}) the shell's or ssh's own words
 * @param script the script the real command runs, parsed, or {@code null}: for {@code sh -c 'a; b'} the
 *               commands {@code a} and {@code b}, for {@code ssh host 'df -h'} the command {@code df -h}
 */
public record Invocation(List<String> via, List<String> words, ShellCommand script) {

    public Invocation {
        via = List.copyOf(via);
        words = List.copyOf(words);
    }

    /** The program's name without directory, or "" when there is none. */
    public String program() {
        return words.isEmpty() ? "" : Wrappers.basename(words.get(0));
    }

    /** The arguments after the program. */
    public List<String> args() {
        return words.isEmpty() ? words : words.subList(1, words.size());
    }

    /** True when {@code wrapper} (e.g. {@code xargs}, {@code watch}, {@code sudo}) is among {@link #via()}. */
    public boolean via(String wrapper) {
        return via.contains(wrapper);
    }
}
