package dev.incidentconsole.search;

import dev.incidentconsole.runbook.SecretMasker;
import java.util.ArrayList;
import java.util.List;

/**
 * A short piece of a section's text around the words that matched, on one line. Its secrets are masked as the
 * runbook view masks them ({@link SecretMasker}: {@code redis-cli -a '****'}, {@code PGPASSWORD=****}): a snippet
 * is shown in the search list and printed by {@code search}, where no click reveals it.
 *
 * @param text       plain text, whitespace collapsed; "…" marks text cut at either end; secrets given in it are
 *                   replaced by {@value SecretMasker#MASK}
 * @param highlights the matched words as ranges into {@code text}, in order, not overlapping; a range given over
 *                   a secret is dropped, the others are moved with the text the masks shortened or lengthened
 */
public record Snippet(String text, List<Highlight> highlights) {

    /** A matched word: {@code text.substring(start, end)}. */
    public record Highlight(int start, int end) {
    }

    public Snippet {
        List<SecretMasker.Span> secrets = SecretMasker.standard().find(text);
        if (!secrets.isEmpty()) {
            List<Highlight> moved = new ArrayList<>(highlights.size());
            for (Highlight h : highlights) {
                if (secrets.stream().noneMatch(s -> h.start() < s.end() && s.start() < h.end())) {
                    moved.add(new Highlight(masked(h.start(), secrets), masked(h.end(), secrets)));
                }
            }
            StringBuilder shown = new StringBuilder(text.length());
            int at = 0;
            for (SecretMasker.Span s : secrets) {
                shown.append(text, at, s.start()).append(SecretMasker.MASK);
                at = s.end();
            }
            text = shown.append(text, at, text.length()).toString();
            highlights = moved;
        }
        highlights = List.copyOf(highlights);
    }

    /** Where {@code offset}, outside every secret, lands once each secret before it is masked. */
    private static int masked(int offset, List<SecretMasker.Span> secrets) {
        int shift = 0;
        for (SecretMasker.Span s : secrets) {
            if (s.end() <= offset) {
                shift += SecretMasker.MASK.length() - (s.end() - s.start());
            }
        }
        return offset + shift;
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
