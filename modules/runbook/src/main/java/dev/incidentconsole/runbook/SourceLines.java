package dev.incidentconsole.runbook;

import java.util.Arrays;

/**
 * The lines of a text by number, split the way commonmark counts them ({@code \n}, {@code \r\n} or {@code \r}).
 * Only the line ends are found up front; a line is copied out when it is asked for, as the parse needs a few
 * (table rows, flattened lists) of every file's lines.
 */
final class SourceLines {

    private final String text;
    /** Start offset of line k+1 at [2k], its end (exclusive, before the line break) at [2k+1]. */
    private final int[] bounds;
    private final int count;

    SourceLines(String text) {
        this.text = text;
        int[] b = new int[64];
        int lines = 0;
        int start = 0;
        int n = text.length();
        boolean cr = text.indexOf('\r') >= 0;
        while (true) {
            int end = cr ? SourceText.crLineEnd(text, start) : text.indexOf('\n', start);
            if (lines * 2 + 2 > b.length) {
                b = Arrays.copyOf(b, b.length * 2);
            }
            b[lines * 2] = start;
            b[lines * 2 + 1] = end < 0 ? n : end;
            lines++;
            if (end < 0) {
                break;
            }
            start = end + (text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n' ? 2 : 1);
        }
        this.bounds = b;
        this.count = lines;
    }

    /** How many lines: one more than the line breaks. */
    int count() {
        return count;
    }

    /** Line {@code number} (1-based, at most {@link #count()}) without its line break. */
    String line(int number) {
        return text.substring(bounds[2 * number - 2], bounds[2 * number - 1]);
    }
}
