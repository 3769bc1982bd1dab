package dev.incidentconsole.shell;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Where each character of a word's value comes from in its command's text, for any word: the characters of the
 * expansions the shell performs ({@code $NAME}, {@code ${...}}, {@code $(...)}, backticks), which the value keeps as
 * written, map one to one onto their text, and {@code expansions} tells them from the word's literal characters
 * ({@code -pPrefix9${PW}}: {@code Prefix9} is literal, {@code ${PW}} an expansion).
 *
 * @param offsets    an offset in {@link ShellCommand#text()} for each character of the value, increasing
 * @param expansions the indexes of the value that belong to an expansion; do not modify
 */
public record WrittenValue(int[] offsets, BitSet expansions) {

    /** Whether the value's character {@code index} is the word's own, not an expansion's. */
    public boolean literalAt(int index) {
        return !expansions.get(index);
    }

    /**
     * The stretches of literal characters in the value's {@code [from, to)}, between its expansions, in order.
     *
     * @return {@code [start, end)} indexes of the value
     */
    public List<int[]> literalStretches(int from, int to) {
        List<int[]> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            int start = expansions.nextClearBit(i);
            if (start >= to) {
                break;
            }
            int end = Math.min(to, expansions.nextSetBit(start) < 0 ? to : expansions.nextSetBit(start));
            out.add(new int[] {start, end});
            i = end;
        }
        return out;
    }
}
