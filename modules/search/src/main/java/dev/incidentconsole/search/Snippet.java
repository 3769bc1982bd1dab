package dev.incidentconsole.search;

import dev.incidentconsole.runbook.SecretMasker;
import java.util.List;

/**
 * A short piece of a section's text around the words that matched, on one line. The index hands out snippets with
 * the section's secrets masked as the runbook view masks them ({@link SecretMasker}: {@code redis-cli -a '****'},
 * {@code PGPASSWORD=****}), found on the whole section before the piece was cut from it: a snippet is shown in the
 * search list and printed by {@code search}, where no click reveals it.
 *
 * @param text       plain text, whitespace collapsed; "…" marks text cut at either end
 * @param highlights the matched words as ranges into {@code text}, in order, not overlapping; none inside a mask
 */
public record Snippet(String text, List<Highlight> highlights) {

    /** A matched word: {@code text.substring(start, end)}. */
    public record Highlight(int start, int end) {
    }

    public Snippet {
        highlights = List.copyOf(highlights);
    }

    public static Snippet plain(String text) {
        return new Snippet(text, List.of());
    }

    /** The text with every highlight wrapped in {@code «»}, for terminals and logs. */
    public String marked() {
        StringBuilder sb = new StringBuilder(text.length() + highlights.size() * 2);
        int at = 0;
        for (Highlight h : highlights) {
            sb.append(text, at, h.start()).append('«').append(text, h.start(), h.end()).append('»');
            at = h.end();
        }
        return sb.append(text.substring(at)).toString();
    }
}
