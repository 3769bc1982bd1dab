package dev.incidentconsole.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** One simple command being read. */
final class CommandBuilder {
    /** Reserved words that open a compound command or negate one: the command follows them. */
    private static final Set<String> OPENERS = Set.of("!", "if", "then", "elif", "else", "do", "while", "until", "{");
    /** Reserved words that close a compound command: alone, they are no command. */
    private static final Set<String> CLOSERS = Set.of("fi", "done", "esac", "}");
    /** The length of the longest of them ({@code while}, {@code until}). */
    private static final int MAX_RESERVED = 5;

    /** The parsed text, which the words' offsets point into. */
    private final String text;
    final boolean piped;
    int depth;
    final List<Word> words = new ArrayList<>();
    final List<HeredocBuilder> redirections = new ArrayList<>();
    HeredocBuilder awaitingTarget;
    Separator separator = Separator.END;

    CommandBuilder(String text, boolean piped, int depth) {
        this.text = text;
        this.piped = piped;
        this.depth = depth;
    }

    boolean isEmpty() {
        return words.isEmpty() && redirections.isEmpty();
    }

    /** The simple command read, or null when nothing of it is left; lists are copied once, none when empty. */
    SimpleCommand build() {
        int k = 0;
        List<String> keywords = List.of();
        // a closer before more words (fi cmd, done cmd) is read past too: bash would refuse the line, and a
        // reader that stops there would miss the command after it
        while (k < words.size() && reserved(words.get(k)) && (OPENERS.contains(words.get(k).value())
                || CLOSERS.contains(words.get(k).value()) && k + 1 < words.size())) {
            if (keywords.isEmpty()) {
                keywords = new ArrayList<>();
            }
            keywords.add(words.get(k++).value());
        }
        List<Word> assignments = List.of();
        // only the leading words can be assignments: the others are never asked
        while (k < words.size() && Word.isAssignment(text, words.get(k).start(), words.get(k).end())) {
            if (assignments.isEmpty()) {
                assignments = new ArrayList<>();
            }
            Word w = words.get(k++);
            assignments.add(new Word(w.value(), w.start(), w.end(), w.quoted(), true, w.expansions()));
        }
        List<Word> rest = k == words.size() ? List.of() : List.copyOf(words.subList(k, words.size()));
        if (rest.size() == 1 && reserved(rest.get(0)) && CLOSERS.contains(rest.get(0).value())) {
            rest = List.of();
        }
        List<Redirection> redirs = List.of();
        boolean fed = piped;
        if (!redirections.isEmpty()) {
            Redirection[] built = new Redirection[redirections.size()];
            for (int r = 0; r < built.length; r++) {
                built[r] = redirections.get(r).build();
                fed |= built[r].feedsStdin();
            }
            redirs = List.of(built);
        }
        if (assignments.isEmpty() && rest.isEmpty() && redirs.isEmpty()) {
            return null;
        }
        return new SimpleCommand(keywords, assignments, rest, redirs, fed, separator, depth);
    }

    /** Whether the word may be one of {@link #OPENERS} or {@link #CLOSERS}: unquoted and short, checked before hashing it. */
    private static boolean reserved(Word w) {
        return !w.quoted() && w.value().length() <= MAX_RESERVED;
    }
}
