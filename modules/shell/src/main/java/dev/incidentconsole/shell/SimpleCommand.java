package dev.incidentconsole.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * One simple command: leading variable assignments, its words, its redirections, and the operator after it.
 * Reserved words that only open a compound command ({@code if}, {@code then}, {@code do}, {@code !}...) are
 * not among its words, so {@code if true; then psql; fi} holds the simple commands {@code true} and
 * {@code psql}.
 *
 * @param keywords     the reserved words written before it ({@code while}, {@code then}, {@code !}...)
 * @param assignments  leading {@code NAME=value} words
 * @param words        the program and its arguments, without assignments and redirections
 * @param redirections its redirections, here-documents with their bodies
 * @param stdinFed     its standard input comes from a pipe, a file, a here-string or a here-document
 * @param separator    the operator that ends it
 * @param depth        how many subshells {@code ( )} it sits in
 */
public record SimpleCommand(List<String> keywords, List<Word> assignments, List<Word> words, List<Redirection> redirections,
                            boolean stdinFed, Separator separator, int depth) {

    public SimpleCommand {
        keywords = List.copyOf(keywords);
        assignments = List.copyOf(assignments);
        words = List.copyOf(words);
        redirections = List.copyOf(redirections);
    }

    /** The word naming the program, or {@code null} for a command of assignments or redirections only. */
    public Word program() {
        return words.isEmpty() ? null : words.get(0);
    }

    /** The values of all words, program first. */
    public List<String> values() {
        List<String> out = new ArrayList<>(words.size());
        for (Word w : words) {
            out.add(w.value());
        }
        return out;
    }

    /** The values of the arguments (the words after the program). */
    public List<String> args() {
        List<String> all = values();
        return all.isEmpty() ? all : all.subList(1, all.size());
    }

    /** The command this one really runs, behind wrappers such as {@code sudo}, {@code xargs} or {@code sh -c}. */
    public Invocation invocation() {
        return Wrappers.unwrap(values());
    }

    /**
     * The command run from word {@code from} on, wrappers looked past: for a command a reader knows is written
     * after a prompt or other words ({@code $ sudo mysql ...}, {@code ran: redis-cli ...}).
     *
     * @param from index in {@link #words()}; 0 is {@link #invocation()}
     */
    public Invocation invocationFrom(int from) {
        return invocationBetween(from, words().size());
    }

    /**
     * The command run by words {@code [from, to)}, wrappers looked past: for prose naming several programs on one
     * line ({@code restarted mongo and ran psql -p 5432}), each read with its own words only.
     */
    public Invocation invocationBetween(int from, int to) {
        List<String> all = values();
        int end = Math.min(to, all.size());
        return Wrappers.unwrap(all.subList(Math.min(from, end), end));
    }
}
