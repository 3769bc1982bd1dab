package dev.incidentconsole.app.gui.library;

import dev.incidentconsole.search.SearchHit;
import dev.incidentconsole.search.SearchQuery;
import dev.incidentconsole.search.Snippet;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A place to open in the Runbooks view: a runbook file, a section in it, and the words to highlight there.
 *
 * @param file  the runbook file (absolute)
 * @param path  heading path of the section; empty for the whole runbook
 * @param line  1-based line of the heading, 0 when unknown
 * @param terms words to highlight in the section; empty for none
 */
public record SectionTarget(Path file, List<String> path, int line, List<String> terms) {
    /** Typed words shorter than this are not highlighted on their own: "a" or "is" would light up everything. */
    private static final int MIN_TYPED_TERM = 3;

    public SectionTarget {
        file = file.toAbsolutePath().normalize();
        path = List.copyOf(path);
        terms = List.copyOf(terms);
    }

    /**
     * The section of a search hit; highlights the words the index matched plus the words typed that were searched
     * for ({@link SearchQuery#terms()}: not "the" or "keeps").
     */
    public static SectionTarget of(SearchHit hit, String typed) {
        Set<String> terms = new LinkedHashSet<>();
        Snippet snippet = hit.snippet();
        for (Snippet.Highlight h : snippet.highlights()) {
            terms.add(snippet.text().substring(h.start(), h.end()).toLowerCase(Locale.ROOT));
        }
        for (String word : SearchQuery.of(typed).terms()) {
            if (word.length() >= MIN_TYPED_TERM) {
                terms.add(word);
            }
        }
        terms.removeIf(String::isBlank);
        return new SectionTarget(hit.file(), hit.path(), hit.line(), List.copyOf(terms));
    }

    /** A section without highlights, e.g. from the Browse view. */
    public static SectionTarget of(Path file, List<String> path, int line) {
        return new SectionTarget(file, path, line, List.of());
    }
}
