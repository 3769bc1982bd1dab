package dev.incidentconsole.search;

import dev.incidentconsole.runbook.SectionKind;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the engineer typed plus optional filters. Filters combine with AND; values inside one filter with OR.
 *
 * @param text       free text as typed: symptoms, alert names, error messages; {@code "quoted"} parts must
 *                   appear as a phrase; the last word is also matched as a prefix unless followed by a space
 * @param components component names (case-insensitive, e.g. "Redis"); empty for any
 * @param kinds      section kinds; a procedure matches when its heading or one of its parts has the kind
 * @param runbooks   runbook files; empty for all
 * @param limit      maximum number of hits, at least 1
 */
public record SearchQuery(String text, Set<String> components, Set<SectionKind> kinds, Set<Path> runbooks,
                          int limit) {

    public static final int DEFAULT_LIMIT = 20;

    public SearchQuery {
        text = text == null ? "" : text;
        components = Set.copyOf(components);
        kinds = Set.copyOf(kinds);
        runbooks = Set.copyOf(runbooks);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
    }

    /** A query for the text, no filters, {@value #DEFAULT_LIMIT} hits at most. */
    public static SearchQuery of(String text) {
        return new SearchQuery(text, Set.of(), Set.of(), Set.of(), DEFAULT_LIMIT);
    }

    public SearchQuery withComponents(String... names) {
        return new SearchQuery(text, Set.of(names), kinds, runbooks, limit);
    }

    public SearchQuery withKinds(SectionKind... values) {
        return new SearchQuery(text, components, Set.of(values), runbooks, limit);
    }

    public SearchQuery withRunbooks(Path... files) {
        return new SearchQuery(text, components, kinds, Set.copyOf(Arrays.asList(files)), limit);
    }

    public SearchQuery withLimit(int max) {
        return new SearchQuery(text, components, kinds, runbooks, max);
    }

    /** Whether the query has filters but no words: then it lists the matching sections in file order. */
    public boolean browsing() {
        return text.isBlank() && !(components.isEmpty() && kinds.isEmpty() && runbooks.isEmpty());
    }

    /**
     * The words of {@link #text()} that are searched for, lower-case, in typed order, each once: the analyzer's
     * stop words ("the", "of") and the filler words around a symptom ("keeps", "why") are left out, as the query
     * leaves them out, so a caller highlighting "the words searched" does not mark every "the" of a section.
     * Words are split at anything but letters, digits, {@code _} and {@code -}; quotes are ignored.
     */
    public List<String> terms() {
        Set<String> out = new LinkedHashSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_-]+")) {
            if (!word.isBlank() && !TypedText.ignored(TypedText.stem(word))) {
                out.add(word);
            }
        }
        return List.copyOf(out);
    }

    List<String> componentKeys() {
        return components.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
    }
}
