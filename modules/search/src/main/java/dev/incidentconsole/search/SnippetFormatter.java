package dev.incidentconsole.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the highlighter's best passage into a {@link Snippet}: one line of plain text with whitespace
 * collapsed and the matched words as ranges, so the GUI can style them and the CLI can mark them.
 */
final class SnippetFormatter extends PassageFormatter {

    private static final String ELLIPSIS = "…";

    @Override
    public Object format(Passage[] passages, String content) {
        if (passages.length == 0) {
            return null;
        }
        Passage p = passages[0];
        int start = p.getStartOffset();
        int end = p.getEndOffset();
        StringBuilder out = new StringBuilder();
        int[] at = new int[end - start + 1]; // position in `out` of each content char of the passage
        if (start > 0) {
            out.append(ELLIPSIS);
        }
        boolean space = true;
        for (int i = start; i < end; i++) {
            char c = content.charAt(i);
            at[i - start] = out.length();
            if (Character.isWhitespace(c)) {
                if (!space) {
                    out.append(' ');
                }
                space = true;
            } else {
                out.append(c);
                space = false;
            }
        }
        while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
        at[end - start] = out.length();
        List<int[]> matches = new ArrayList<>();
        for (int m = 0; m < p.getNumMatches(); m++) {
            matches.add(new int[] {p.getMatchStarts()[m], p.getMatchEnds()[m]});
        }
        matches.sort(Comparator.comparingInt(r -> r[0]));
        List<Snippet.Highlight> highlights = new ArrayList<>();
        int last = -1;
        for (int[] match : matches) {
            int from = at[Math.min(end, Math.max(start, match[0])) - start];
            int to = Math.min(at[Math.min(end, Math.max(start, match[1])) - start], out.length());
            if (from >= to) {
                continue;
            }
            if (from < last) { // overlapping matches (a phrase and its words): merge into the previous range
                Snippet.Highlight prev = highlights.remove(highlights.size() - 1);
                from = prev.start();
                to = Math.max(to, prev.end());
            }
            highlights.add(new Snippet.Highlight(from, to));
            last = to;
        }
        if (end < content.length()) {
            out.append(ELLIPSIS);
        }
        return new Snippet(out.toString(), highlights);
    }
}
