package dev.incidentconsole.search;

import dev.incidentconsole.runbook.SecretMasker;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the highlighter's best passage into a {@link Snippet}: one line of plain text with whitespace
 * collapsed, the section's secrets masked and the matched words as ranges, so the GUI can style them and the
 * CLI can mark them.
 *
 * <p>The secrets are found on the whole section ({@link SecretMasker}) before the passage is cut out of it: a
 * passage starts at a word boundary before the match, and a cut passage ({@code …-a 'pw' CONFIG GET}, {@code
 * …WORD=pw psql}) has lost the client or variable name that tells the masker its value is a secret.
 */
final class SnippetFormatter extends PassageFormatter {

    private static final String ELLIPSIS = "…";

    @Override
    public Object format(Passage[] passages, String content) {
        if (passages.length == 0) {
            return null;
        }
        Passage p = passages[0];
        List<int[]> matches = new ArrayList<>();
        for (int m = 0; m < p.getNumMatches(); m++) {
            matches.add(new int[] {p.getMatchStarts()[m], p.getMatchEnds()[m]});
        }
        return snippet(content, p.getStartOffset(), p.getEndOffset(), matches);
    }

    /**
     * The start of {@code content} as a snippet of at most {@code length} characters (and "…"), for a hit the
     * highlighter found no passage in.
     */
    static Snippet lead(String content, int length) {
        Snippet whole = snippet(content, 0, content.length(), new ArrayList<>());
        return whole.text().length() <= length ? whole : Snippet.plain(whole.text().substring(0, length) + ELLIPSIS);
    }

    /** {@code content[start, end)} with its secrets masked, whitespace collapsed and {@code matches} as highlights. */
    private static Snippet snippet(String content, int start, int end, List<int[]> matches) {
        List<SecretMasker.Span> secrets = SecretMasker.standard().find(content);
        StringBuilder out = new StringBuilder();
        int[] at = new int[end - start + 1]; // position in `out` of each content char of the passage
        if (start > 0) {
            out.append(ELLIPSIS);
        }
        boolean space = true;
        int secret = 0; // the first secret that does not end before the character being copied
        for (int i = start; i < end; i++) {
            while (secret < secrets.size() && secrets.get(secret).end() <= i) {
                secret++;
            }
            if (secret < secrets.size() && secrets.get(secret).start() <= i) {
                int to = Math.min(end, secrets.get(secret).end());
                for (int j = i; j < to; j++) {
                    at[j - start] = out.length();
                }
                out.append(SecretMasker.MASK);
                space = false;
                i = to - 1;
                continue;
            }
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
        matches.sort(Comparator.comparingInt(r -> r[0]));
        List<Snippet.Highlight> highlights = new ArrayList<>();
        int last = -1;
        for (int[] match : matches) {
            if (secrets.stream().anyMatch(s -> match[0] < s.end() && s.start() < match[1])) {
                continue; // a word of a secret, masked: nothing of it is shown
            }
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
