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

    final boolean piped;
    int depth;
    final List<Word> words = new ArrayList<>();
    final List<Boolean> rawAssignment = new ArrayList<>();
    final List<HeredocBuilder> redirections = new ArrayList<>();
    HeredocBuilder awaitingTarget;
    Separator separator = Separator.END;

    CommandBuilder(boolean piped, int depth) {
        this.piped = piped;
        this.depth = depth;
    }

    boolean isEmpty() {
        return words.isEmpty() && redirections.isEmpty();
    }

    SimpleCommand build() {
        int k = 0;
        List<String> keywords = new ArrayList<>();
        // a closer before more words (fi cmd, done cmd) is read past too: bash would refuse the line, and a
        // reader that stops there would miss the command after it
        while (k < words.size() && !words.get(k).quoted() && (OPENERS.contains(words.get(k).value())
                || CLOSERS.contains(words.get(k).value()) && k + 1 < words.size())) {
            keywords.add(words.get(k++).value());
        }
        List<Word> assignments = new ArrayList<>();
        while (k < words.size() && rawAssignment.get(k)) {
            Word w = words.get(k++);
            assignments.add(new Word(w.value(), w.start(), w.end(), w.quoted(), true, w.expansions()));
        }
        List<Word> rest = new ArrayList<>(words.subList(k, words.size()));
        if (rest.size() == 1 && !rest.get(0).quoted() && CLOSERS.contains(rest.get(0).value())) {
            rest.clear();
        }
        List<Redirection> redirs = new ArrayList<>();
        boolean fed = piped;
        for (HeredocBuilder r : redirections) {
            Redirection built = r.build();
            redirs.add(built);
            fed |= built.feedsStdin();
        }
        if (assignments.isEmpty() && rest.isEmpty() && redirs.isEmpty()) {
            return null;
        }
        return new SimpleCommand(keywords, assignments, rest, redirs, fed, separator, depth);
    }
}
